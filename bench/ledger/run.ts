/**
 * The ledger's throughput on loopback, in one run: the bare Fastify handler that validates a
 * proof and discards it (the ceiling), then the durable `POST /v1/consents` on SQLite (a temp
 * file) and on PostgreSQL (its own schema, dropped after). 50 connections, a unique record per
 * request, as the SDK sends it (text/plain). Goal: ≥ 50% of the ceiling, p99 < 25 ms. The servers
 * take turns over several rounds (BENCH_ROUNDS, default 3) and each reports its median round:
 * on this shared VM one 10-second run of the same server can differ from the next by a third.
 * Each row also gives every round's rate over that round's ceiling, which drifts less.
 * Run: `npm run bench:ledger -w @macaron/bench` (writes its section of bench/RESULTS.md).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { machineLine, markdownTable, writeResultsSection } from "../results.ts";
import { CONNECTIONS, type LoadRun, measureServer, medianRun, WARM_UP_SECONDS, withSchema } from "./load.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Target {
  readonly name: string;
  readonly mode: "ceiling" | "durable";
  /** `sqlite` (a fresh file per run) or `postgres` (a fresh schema per run). */
  readonly store?: "sqlite" | "postgres";
  readonly thread?: "worker" | "main";
}

interface Measured extends LoadRun {
  readonly name: string;
}

async function measure(target: Target, db = ""): Promise<Measured> {
  return { name: target.name, ...(await measureServer(target.mode, db, target.thread ?? "worker", SECONDS)) };
}

const TARGETS: readonly Target[] = [
  { name: "ceiling: bare Fastify, validate and discard", mode: "ceiling" },
  {
    name: "durable, SQLite (WAL, synchronous=FULL), commits on a worker thread (`macaron serve`)",
    mode: "durable",
    store: "sqlite",
  },
  { name: "durable, SQLite, commits on the main thread", mode: "durable", store: "sqlite", thread: "main" },
  {
    name: "durable, PostgreSQL (synchronous_commit=on, own schema; `macaron serve`)",
    mode: "durable",
    store: "postgres",
    thread: "main",
  },
];

const loadBefore = loadavg()[0] ?? 0;
const directory = mkdtempSync(join(tmpdir(), "macaron-bench-ledger-"));
const runs = new Map<Target, Measured[]>(TARGETS.map((target) => [target, []]));
try {
  for (let round = 1; round <= ROUNDS; round++) {
    for (const target of TARGETS) {
      const measured =
        target.store === "postgres"
          ? await withSchema((url) => measure(target, url))
          : await measure(
              target,
              target.store === "sqlite"
                ? `sqlite:${join(directory, `${round}-${target.thread ?? "worker"}.db`)}`
                : "",
            );
      console.log(`round ${round}: ${target.name}: ${measured.requests} req/s`);
      runs.get(target)?.push(measured);
    }
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}
const results = TARGETS.map((target) => medianRun(runs.get(target) ?? []));

const ceiling = results[0]?.requests ?? 1;
const ceilingRuns = runs.get(TARGETS[0] as Target) ?? [];
/** Each round's rate over the same round's ceiling: the machine's drift between rounds cancels out. */
function roundRatios(target: Target): string {
  const ratios = (runs.get(target) ?? [])
    .map((run, round) => Math.round((run.requests / (ceilingRuns[round]?.requests ?? 1)) * 100))
    .sort((a, b) => a - b);
  return ratios.map((ratio) => `${ratio}%`).join(", ");
}
const rows = results.map((result, index) => [
  result.name,
  result.requests,
  result.range,
  result.p50,
  result.p99,
  `${Math.round((result.requests / ceiling) * 100)}%`,
  index === 0 ? "–" : roundRatios(TARGETS[index] as Target),
  result.perCommit === undefined ? "–" : result.perCommit.toFixed(1),
  result.errors,
]);
const table = markdownTable(
  [
    "server",
    "req/s (median round)",
    "rounds' range",
    "p50 ms",
    "p99 ms",
    "of ceiling",
    "each round, of its ceiling",
    "proofs per commit",
    "errors",
  ],
  rows,
);
console.log(table);
writeResultsSection(
  "ledger",
  `## Consent ledger: POST /v1/consents (\`bench/ledger/run.ts\`)

${machineLine()}; load average ${loadBefore.toFixed(1)} before the run and ${(loadavg()[0] ?? 0).toFixed(1)} after it (other processes share these cores: read the ratios, not the absolute numbers). Loopback, autocannon, ${CONNECTIONS} connections, ${SECONDS} s after ${WARM_UP_SECONDS} s of warm-up, ${ROUNDS} rounds in turn (each row: its median round), a unique record per request (text/plain, as the SDK's beacon). Each server in its own process; every durable answer comes after its group commit. Goal: ≥ 50% of the ceiling and p99 < 25 ms.

${table}`,
);
