/**
 * Scanner throughput: page-states per minute on a 50-page local site, four states (none, reject,
 * accept, withdraw), Chromium's start included; and peak memory, the sampled sum of the RSS of this
 * process and its children (Chromium and its helpers). Goal: ≥ 40 page-states/min, ≤ 1.5 GB.
 */
import { scan } from "@macaron/scanner";
import { machineLine, markdownTable, writeResultsSection } from "../results.ts";
import { sampleTreeRss } from "./memory.ts";
import { PAGE_COUNT, startBenchSite } from "./site.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const GOAL_PER_MINUTE = 40;
const GOAL_PEAK_BYTES = 1.5 * 2 ** 30;

interface Run {
  readonly pageStates: number;
  readonly seconds: number;
  readonly peakBytes: number;
  readonly findings: number;
}

async function once(url: string): Promise<Run> {
  const memory = sampleTreeRss(process.pid);
  const started = performance.now();
  const { report } = await scan({ url, maxPages: PAGE_COUNT, maxDepth: 2 });
  const seconds = (performance.now() - started) / 1000;
  const peakBytes = memory.stop();
  const pageStates = report.states.reduce(
    (count, state) => count + state.pages.filter((page) => page.status === "ok").length,
    0,
  );
  if (report.summary.statesNotReached > 0) throw new Error("a state was not reached on the benchmark site");
  return { pageStates, seconds, peakBytes, findings: report.findings.length };
}

const site = await startBenchSite();
const runs: Run[] = [];
try {
  for (let index = 0; index < RUNS; index++) {
    const run = await once(site.url);
    runs.push(run);
    process.stdout.write(
      `run ${index + 1}: ${run.pageStates} page-states in ${run.seconds.toFixed(1)} s, peak ${(run.peakBytes / 2 ** 20).toFixed(0)} MiB\n`,
    );
  }
} finally {
  await site.close();
}

const rows = runs.map((run, index) => {
  const perMinute = (run.pageStates / run.seconds) * 60;
  return [
    `run ${index + 1}`,
    run.pageStates,
    run.seconds.toFixed(1),
    perMinute.toFixed(0),
    (run.peakBytes / 2 ** 20).toFixed(0),
  ];
});
const best = Math.max(...runs.map((run) => (run.pageStates / run.seconds) * 60));
const worst = Math.min(...runs.map((run) => (run.pageStates / run.seconds) * 60));
const peak = Math.max(...runs.map((run) => run.peakBytes));
const table = markdownTable(
  [
    "run",
    "page-states",
    "seconds (browser start included)",
    "page-states / min",
    "peak RSS of the process tree (MiB)",
  ],
  rows,
);
process.stdout.write(`${table}\n`);
writeResultsSection(
  "scanner",
  `## Scanner: page-states per minute and peak memory

\`npm run bench:scanner -w @macaron/bench\` (bench/scanner/run.ts). ${machineLine()}.

A local site of ${PAGE_COUNT} pages (banner with Macaron's API, a first-party session cookie, a third-party tag
after consent that sets a cookie and sends a beacon), scanned with \`--pages ${PAGE_COUNT} --depth 2\` in the four
states (none, reject, accept, withdraw) by \`scan()\`, Chromium's start and the report included. Memory: the
sum of the resident set sizes of this process and all its descendants (Chromium and its helpers), sampled
every 200 ms (shared pages are counted once per process, so this overstates).

${table}

Goal: ≥ ${GOAL_PER_MINUTE} page-states per minute (slowest run: ${worst.toFixed(0)}, ${worst >= GOAL_PER_MINUTE ? "met" : "NOT met"}), ≤ 1.5 GB peak
(highest: ${(peak / 2 ** 20).toFixed(0)} MiB, ${peak <= GOAL_PEAK_BYTES ? "met" : "NOT met"}). Best run: ${best.toFixed(0)} page-states per minute.
The machine is shared with other jobs while it runs; numbers vary with its load.`,
);
