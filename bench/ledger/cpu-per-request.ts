/**
 * Where the CPU goes under the ledger benchmark's load: CPU time (user + system, from /proc) of
 * the server process, of every PostgreSQL process and of this process (the load generator) over
 * one 10-second run, divided by the requests answered. Tells a server that is CPU-bound from one
 * that waits (cores not full). Prints one line; writes nothing to bench/RESULTS.md.
 * Run: `npm run bench:ledger-cpu -w @macaron/bench -- [ceiling|sqlite|postgres] [worker|main]`
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { clientConfig } from "@macaron/core";
import autocannon from "autocannon";
import pg from "pg";
import { benchConfig, benchRecord } from "./fixtures.ts";

const [target = "postgres", thread = "main"] = process.argv.slice(2);
if (!["ceiling", "sqlite", "postgres"].includes(target) || !["worker", "main"].includes(thread)) {
  console.error("usage: cpu-per-request.ts [ceiling|sqlite|postgres] [worker|main]");
  process.exit(2);
}
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SECONDS = 10;
const CLOCK_TICKS = 100; // USER_HZ on Linux

/** CPU seconds a process has used so far (0 once it is gone). */
function cpuSeconds(pid: number): number {
  try {
    const fields = (readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1] ?? "").split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

function postgresCpuSeconds(): number {
  let pids: number[] = [];
  try {
    pids = execFileSync("pgrep", ["-u", "postgres"]).toString().trim().split("\n").map(Number);
  } catch {
    // pgrep exits 1 when no process matches.
  }
  return pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
}

const client = await clientConfig(benchConfig());
const directory = mkdtempSync(join(tmpdir(), "macaron-bench-cpu-"));
const schema = `bench_cpu_${process.pid}`;
const admin = target === "postgres" ? new pg.Client({ connectionString: POSTGRES }) : undefined;
let db = "";
if (admin) {
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(POSTGRES);
  url.searchParams.set("schema", schema);
  db = url.toString();
} else if (target === "sqlite") db = `sqlite:${join(directory, "ledger.db")}`;

const server = spawn(
  process.execPath,
  [
    "--import",
    "tsx",
    fileURLToPath(new URL("./server.ts", import.meta.url)),
    target === "ceiling" ? "ceiling" : "durable",
    db,
    thread,
  ],
  { stdio: ["ignore", "pipe", "inherit"] },
);
try {
  const output = createInterface({ input: server.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
  const { url } = JSON.parse(String((await output.next()).value)) as { url: string };
  const load = (seconds: number) =>
    autocannon({
      url: `${url}/v1/consents`,
      connections: 50,
      duration: seconds,
      requests: [
        {
          method: "POST",
          headers: { "content-type": "text/plain;charset=UTF-8" },
          setupRequest: (request) => ({ ...request, body: JSON.stringify(benchRecord(client)) }),
        },
      ],
    });
  await load(3); // warm-up
  const pid = server.pid ?? 0;
  const before = { server: cpuSeconds(pid), postgres: postgresCpuSeconds(), load: cpuSeconds(process.pid) };
  const result = await load(SECONDS);
  const after = { server: cpuSeconds(pid), postgres: postgresCpuSeconds(), load: cpuSeconds(process.pid) };
  const requests = result.requests.total;
  const perRequest = (key: keyof typeof before) =>
    `${Math.round(((after[key] - before[key]) / requests) * 1e6)} µs`;
  const cores = (key: keyof typeof before) => ((after[key] - before[key]) / SECONDS).toFixed(2);
  console.log(
    `${target} (${thread} thread): ${Math.round(result.requests.average)} req/s, ${result.non2xx + result.errors} errors; ` +
      `CPU per request: server ${perRequest("server")}, PostgreSQL ${perRequest("postgres")}, load generator ${perRequest("load")}; ` +
      `cores busy: server ${cores("server")}, PostgreSQL ${cores("postgres")}, load generator ${cores("load")}`,
  );
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  if (admin) {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
  rmSync(directory, { recursive: true, force: true });
}
