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

export function treeRss(root: number): number {
  const all = processes();
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    total += all.get(pid)?.rssBytes ?? 0;
    for (const [child, info] of all) if (info.parent === pid) queue.push(child);
  }
  return total;
}

/** Samples the tree rooted at `root` every `everyMs` until stopped; returns the peak in bytes. */
export function sampleTreeRss(root: number, everyMs = 200): { stop(): number } {
  let peak = treeRss(root);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(root));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, treeRss(root));
    },
  };
}
