/**
 * Why `macaron serve` commits SQLite proofs on a worker thread: the same durable server with its
 * commits on the main thread and on the worker, on this machine's disk and on the same disk with
 * every fsync made slower by 1 ms and 4 ms (a C shim, `slow-fsync.c`, compiled here with `cc` and
 * loaded into the server with LD_PRELOAD; the load generator is not slowed). Loopback, autocannon,
 * 50 connections, the two modes taking turns. Needs `cc` (Linux).
 * Run: `npm run bench:ledger-fsync -w @macaron/bench` (writes its section of bench/RESULTS.md).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { machineLine, markdownTable, writeResultsSection } from "../results.ts";
import { CONNECTIONS, type LoadRun, measureServer, medianRun, WARM_UP_SECONDS } from "./load.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const EXTRA_FSYNC_MICROS = [0, 1000, 4000];
const THREADS = ["worker", "main"] as const;

const directory = mkdtempSync(join(tmpdir(), "macaron-bench-fsync-"));
const shim = join(directory, "slow-fsync.so");
execFileSync("cc", [
  "-shared",
  "-fPIC",
  "-O2",
  "-o",
  shim,
  fileURLToPath(new URL("./slow-fsync.c", import.meta.url)),
  "-ldl",
]);

async function measure(thread: (typeof THREADS)[number], db: string): Promise<LoadRun> {
  const run = await measureServer("durable", db, thread, SECONDS);
  if (run.errors > 0) throw new Error(`${thread}: ${run.errors} requests failed`);
  return run;
}

const loadBefore = loadavg()[0] ?? 0;
const rows: (string | number)[][] = [];
/** Per fsync setting, the worker's median rate over the main thread's. */
const workerOverMain: { readonly fsync: string; readonly ratio: number }[] = [];
try {
  // Servers inherit the environment: the shim and its delay apply to them, not to this process.
  process.env.LD_PRELOAD = shim;
  let file = 0;
  for (const extra of EXTRA_FSYNC_MICROS) {
    process.env.MACARON_BENCH_FSYNC_US = String(extra);
    const fsync = extra === 0 ? "this disk" : `+ ${extra / 1000} ms`;
    const runs = new Map<string, LoadRun[]>(THREADS.map((thread) => [thread, []]));
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate who goes first, so neither always meets the machine fresher.
      for (const thread of round % 2 === 0 ? THREADS : [...THREADS].reverse()) {
        const run = await measure(thread, `sqlite:${join(directory, `${file++}.db`)}`);
        console.log(`fsync +${extra} µs, round ${round + 1}, ${thread}: ${run.requests} req/s`);
        runs.get(thread)?.push(run);
      }
    }
    const worker = medianRun(runs.get("worker") ?? []);
    const main = medianRun(runs.get("main") ?? []);
    for (const [thread, run] of [
      ["worker thread (`macaron serve`)", worker],
      ["main thread", main],
    ] as const) {
      rows.push([fsync, thread, run.requests, run.range, run.p50, run.p99, run.perCommit?.toFixed(1) ?? "–"]);
    }
    const ratio = worker.requests / main.requests;
    workerOverMain.push({ fsync, ratio });
    rows.push(["", "worker / main", `${Math.round(ratio * 100)}%`, "", "", "", ""]);
  }
} finally {
  delete process.env.LD_PRELOAD;
  rmSync(directory, { recursive: true, force: true });
}

function listOr(items: readonly string[]): string {
  return items.length === 0 ? "none" : items.join(", ");
}

const table = markdownTable(
  [
    "fsync",
    "SQLite commits on the",
    "req/s (median round)",
    "rounds' range",
    "p50 ms",
    "p99 ms",
    "proofs per commit",
  ],
  rows,
);
console.log(table);
writeResultsSection(
  "ledger-fsync",
  `## Consent ledger: SQLite commits on a worker or on the main thread, by fsync latency (\`bench/ledger/slow-fsync.ts\`)

${machineLine()}; load average ${loadBefore.toFixed(1)} before the run. The durable \`POST /v1/consents\` on SQLite
(WAL, synchronous=FULL), ${CONNECTIONS} connections, ${SECONDS} s after ${WARM_UP_SECONDS} s of warm-up, ${ROUNDS} rounds with the two
modes taking turns; the load generator shares the two cores. "+ n ms": every fsync of the server
waits n ms more (an LD_PRELOAD shim), as on a disk whose flush is that much slower.

${table}

On the main thread a commit stops the event loop for its fsync, so no request is read meanwhile;
on the worker the main thread keeps reading and checking requests during it, at the cost of a
second busy thread and a message per event-loop turn. In this run the worker's median round was
above the main thread's at: ${listOr(workerOverMain.filter((entry) => entry.ratio > 1).map((entry) => entry.fsync))};
at or below it at: ${listOr(workerOverMain.filter((entry) => entry.ratio <= 1).map((entry) => entry.fsync))}.`,
);
