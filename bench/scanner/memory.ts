/** Peak memory of a process tree: the sum of the RSS of a process and all its descendants, sampled (Linux /proc). */
import { readdirSync, readFileSync } from "node:fs";

function processes(): Map<number, { parent: number; rssBytes: number }> {
  const found = new Map<number, { parent: number; rssBytes: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name, which is in parentheses and may contain spaces.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const parent = Number(fields[1]);
      const rssPages = Number(fields[21]);
      found.set(Number(entry), { parent, rssBytes: rssPages * 4096 });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** Proportional set size: shared pages divided among the processes sharing them. */
function pssBytes(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    return Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

export interface TreeMemory {
  /** Sum of the resident set sizes: shared libraries counted once per process. */
  readonly rss: number;
  /** Sum of the proportional set sizes: the tree's real share of memory. */
  readonly pss: number;
}

export function treeMemory(root: number): TreeMemory {
  const all = processes();
  let rss = 0;
  let pss = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    rss += all.get(pid)?.rssBytes ?? 0;
    pss += pssBytes(pid);
    for (const [child, info] of all) if (info.parent === pid) queue.push(child);
  }
  return { rss, pss };
}

/** Samples the tree rooted at `root` every `everyMs` until stopped; returns the peaks in bytes. */
export function sampleTreeMemory(root: number, everyMs = 200): { stop(): TreeMemory } {
  let peak = treeMemory(root);
  const sample = () => {
    const now = treeMemory(root);
    peak = { rss: Math.max(peak.rss, now.rss), pss: Math.max(peak.pss, now.pss) };
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
