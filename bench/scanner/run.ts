/**
 * Scanner throughput: page-states per minute on a 50-page local site, four states (none, reject,
 * accept, withdraw), Chromium's start included; and peak memory, the sampled sum of the RSS (and of
 * the PSS) of this process and its children (Chromium and its helpers). Goal: ≥ 40 page-states/min,
 * ≤ 1.5 GB. Measured with the four states crawled at once (the default), two, and one at a time.
 */
import { scan } from "@macaron/scanner";
import { machineLine, markdownTable, writeResultsSection } from "../results.ts";
import { sampleTreeMemory, type TreeMemory } from "./memory.ts";
import { PAGE_COUNT, startBenchSite } from "./site.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? "4,2,1").split(",").map(Number);
const GOAL_PER_MINUTE = 40;
const GOAL_PEAK_BYTES = 1.5 * 2 ** 30;
const MIB = 2 ** 20;

interface Run {
  readonly concurrency: number;
  readonly pageStates: number;
  readonly seconds: number;
  readonly peak: TreeMemory;
}

async function once(url: string, concurrency: number): Promise<Run> {
  const memory = sampleTreeMemory(process.pid);
  const started = performance.now();
  const { report } = await scan({ url, maxPages: PAGE_COUNT, maxDepth: 2, concurrency });
  const seconds = (performance.now() - started) / 1000;
  const peak = memory.stop();
  const pageStates = report.states.reduce(
    (count, state) => count + state.pages.filter((page) => page.status === "ok").length,
    0,
  );
  if (report.summary.statesNotReached > 0)
    throw new Error(
      `a state was not reached: ${JSON.stringify(report.states.filter((state) => !state.reached))}`,
    );
  return { concurrency, pageStates, seconds, peak };
}

const perMinute = (run: Run) => (run.pageStates / run.seconds) * 60;

const site = await startBenchSite();
const runs: Run[] = [];
try {
  for (const concurrency of CONCURRENCIES) {
    for (let index = 0; index < RUNS; index++) {
      const run = await once(site.url, concurrency);
      runs.push(run);
      process.stdout.write(
        `${concurrency} states at once: ${run.pageStates} page-states in ${run.seconds.toFixed(1)} s, peak RSS ${(run.peak.rss / MIB).toFixed(0)} MiB, PSS ${(run.peak.pss / MIB).toFixed(0)} MiB\n`,
      );
    }
  }
} finally {
  await site.close();
}

const rows = runs.map((run) => [
  run.concurrency,
  run.pageStates,
  run.seconds.toFixed(1),
  perMinute(run).toFixed(0),
  (run.peak.rss / MIB).toFixed(0),
  (run.peak.pss / MIB).toFixed(0),
]);
const table = markdownTable(
  [
    "states at once",
    "page-states",
    "seconds (browser start included)",
    "page-states / min",
    "peak RSS sum (MiB)",
    "peak PSS sum (MiB)",
  ],
  rows,
);
const verdict = (run: Run) =>
  `${run.concurrency} at once: ${perMinute(run).toFixed(0)}/min ${perMinute(run) >= GOAL_PER_MINUTE ? "meets" : "misses"} the throughput goal, ${(run.peak.rss / MIB).toFixed(0)} MiB RSS ${run.peak.rss <= GOAL_PEAK_BYTES ? "meets" : "misses"} the memory goal`;
process.stdout.write(`${table}\n`);
writeResultsSection(
  "scanner",
  `## Scanner: page-states per minute and peak memory

\`npm run bench:scanner -w @macaron/bench\` (bench/scanner/run.ts). ${machineLine()}.

A local site of ${PAGE_COUNT} pages (banner with Macaron's API, a first-party session cookie, a third-party tag
after consent that sets a cookie and sends a beacon), scanned with \`--pages ${PAGE_COUNT} --depth 2\` in the four
states (none, reject, accept, withdraw) by \`scan()\`, Chromium's start and the report included; once with the
four states crawled at once (the default), then fewer at a time (\`concurrency\`). Memory: the sum of
the resident set sizes of this process and all its descendants (Chromium and its helpers), sampled every
200 ms; RSS counts shared libraries once per process, so the sum of proportional set sizes (PSS) is shown
beside it as the tree's real footprint.

${table}

Goal: ≥ ${GOAL_PER_MINUTE} page-states per minute, ≤ 1.5 GB peak. ${runs.map(verdict).join("; ")}.
The machine is shared with other jobs while it runs; numbers vary with its load.`,
);
