/**
 * What the ledger benchmarks share: one server of `server.ts` in its own process, the load (50
 * connections, a unique record per request, text/plain as the SDK's beacon) and a throw-away
 * PostgreSQL schema.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { clientConfig } from "@macaron/core";
import autocannon from "autocannon";
import pg from "pg";
import { benchConfig, benchRecord } from "./fixtures.ts";

export const CONNECTIONS = 50;
export const WARM_UP_SECONDS = 3;
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SERVER = fileURLToPath(new URL("./server.ts", import.meta.url));

const client = await clientConfig(benchConfig());

/** The group-commit counters a durable server prints when it stops. */
export interface ServerReport {
  readonly commits?: number;
  readonly committed?: number;
}

export interface BenchServer {
  readonly url: string;
  readonly pid: number;
  /** Stops the server (SIGTERM) and returns its report. */
  stop(): Promise<ServerReport>;
}

/** `server.ts` in its own process, so that the load generator does not share its event loop. */
export async function startServer(
  mode: "ceiling" | "durable",
  db: string,
  thread: "worker" | "main",
): Promise<BenchServer> {
  const child = spawn(process.execPath, ["--import", "tsx", SERVER, mode, db, thread], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const output = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
  const { url } = JSON.parse(String((await output.next()).value)) as { url: string };
  return {
    url,
    pid: child.pid ?? 0,
    async stop() {
      child.kill("SIGTERM");
      return JSON.parse(String((await output.next()).value ?? "{}")) as ServerReport;
    },
  };
}

export function loadRecords(url: string, seconds: number) {
  return autocannon({
    url: `${url}/v1/consents`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "text/plain;charset=UTF-8" },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(benchRecord(client)) }),
      },
    ],
  });
}

/** One server's run under the load: its rate, latency, failures and commits. */
export interface LoadRun {
  readonly requests: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  /** Proofs per group commit, for a durable server. */
  readonly perCommit?: number;
}

/** Starts a server, warms it up, measures `seconds` of load, stops it. */
export async function measureServer(
  mode: "ceiling" | "durable",
  db: string,
  thread: "worker" | "main",
  seconds: number,
): Promise<LoadRun> {
  const server = await startServer(mode, db, thread);
  await loadRecords(server.url, WARM_UP_SECONDS);
  const result = await loadRecords(server.url, seconds);
  const report = await server.stop();
  return {
    requests: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
    ...(report.commits ? { perCommit: (report.committed ?? 0) / report.commits } : {}),
  };
}

/** The run with the median request rate (with an even count, the lower middle), and the rounds' range. */
export function medianRun<Run extends { readonly requests: number }>(
  runs: readonly Run[],
): Run & { range: string } {
  const sorted = [...runs].sort((a, b) => a.requests - b.requests);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)] as Run;
  return { ...middle, range: `${sorted[0]?.requests}–${sorted[sorted.length - 1]?.requests}` };
}

/** Runs with the URL of a PostgreSQL schema of its own, dropped after. */
export async function withSchema<T>(run: (url: string) => Promise<T>): Promise<T> {
  const schema = `bench_ledger_${process.pid}`;
  const admin = new pg.Client({ connectionString: POSTGRES });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    const url = new URL(POSTGRES);
    url.searchParams.set("schema", schema);
    return await run(url.toString());
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}
