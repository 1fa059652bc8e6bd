/**
 * Where the CPU goes under the ledger benchmark's load: CPU time (user + system, from /proc) of
 * the server process, of every PostgreSQL process and of this process (the load generator) over
 * one 10-second run, divided by the requests answered. Tells a server that is CPU-bound from one
 * that waits (cores not full). Prints one line; writes nothing to bench/RESULTS.md.
 * Run: `npm run bench:ledger-cpu -w @macaron/bench -- [ceiling|sqlite|postgres] [worker|main]`
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadRecords, startServer, WARM_UP_SECONDS, withSchema } from "./load.ts";

const [target = "postgres", threadArgument = "main"] = process.argv.slice(2);
if (!["ceiling", "sqlite", "postgres"].includes(target) || !["worker", "main"].includes(threadArgument)) {
  console.error("usage: cpu-per-request.ts [ceiling|sqlite|postgres] [worker|main]");
  process.exit(2);
}
const thread = threadArgument as "worker" | "main";
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

async function measure(db: string): Promise<string> {
  const server = await startServer(target === "ceiling" ? "ceiling" : "durable", db, thread);
  try {
    await loadRecords(server.url, WARM_UP_SECONDS);
    const usage = () => ({
      server: cpuSeconds(server.pid),
      postgres: postgresCpuSeconds(),
      load: cpuSeconds(process.pid),
    });
    const before = usage();
    const result = await loadRecords(server.url, SECONDS);
    const after = usage();
    const requests = result.requests.total;
    const perRequest = (key: keyof typeof before) =>
      `${Math.round(((after[key] - before[key]) / requests) * 1e6)} µs`;
    const cores = (key: keyof typeof before) => ((after[key] - before[key]) / SECONDS).toFixed(2);
    return (
      `${target} (${thread} thread): ${Math.round(result.requests.average)} req/s, ${result.non2xx + result.errors} errors; ` +
      `CPU per request: server ${perRequest("server")}, PostgreSQL ${perRequest("postgres")}, load generator ${perRequest("load")}; ` +
      `cores busy: server ${cores("server")}, PostgreSQL ${cores("postgres")}, load generator ${cores("load")}`
    );
  } finally {
    await server.stop();
  }
}

if (target === "postgres") console.log(await withSchema(measure));
else {
  const directory = mkdtempSync(join(tmpdir(), "macaron-bench-cpu-"));
  try {
    console.log(await measure(target === "sqlite" ? `sqlite:${join(directory, "ledger.db")}` : ""));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
