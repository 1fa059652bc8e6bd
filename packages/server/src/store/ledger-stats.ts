/** Statistics assembled from grouped counts; each store runs the GROUP BY queries in its own SQL. */
import type { DecisionMethod } from "@macaron/core";
import type { DailyStats, LedgerStats } from "./ledger-store.ts";

export interface StatsRows {
  readonly methodsPerDay: readonly { day: string; method: string; count: number | string }[];
  /** One row per day and category decided on, `granted` counting the decisions that granted it. */
  readonly grantedPerDay: readonly { day: string; category: string; granted: number | string }[];
  readonly languages: readonly { key: string; count: number | string }[];
  readonly revisions: readonly { key: number | string; count: number | string }[];
}

type Counts = Record<string, number>;

function addTo(counts: Counts, key: string, value: number): void {
  counts[key] = (counts[key] ?? 0) + value;
}

export function ledgerStats(rows: StatsRows): LedgerStats {
  const days = new Map<string, { decisions: number; methods: Counts; granted: Counts }>();
  const day = (name: string) => {
    let found = days.get(name);
    if (found === undefined) {
      found = { decisions: 0, methods: {}, granted: {} };
      days.set(name, found);
    }
    return found;
  };
  const methods: Counts = {};
  const granted: Counts = {};
  let decisions = 0;
  for (const row of rows.methodsPerDay) {
    const count = Number(row.count);
    const entry = day(row.day);
    entry.decisions += count;
    addTo(entry.methods, row.method, count);
    addTo(methods, row.method, count);
    decisions += count;
  }
  for (const row of rows.grantedPerDay) {
    addTo(day(row.day).granted, row.category, Number(row.granted));
    addTo(granted, row.category, Number(row.granted));
  }
  const byLanguage: Counts = {};
  for (const row of rows.languages) addTo(byLanguage, row.key, Number(row.count));
  const byRevision: Counts = {};
  for (const row of rows.revisions) addTo(byRevision, String(row.key), Number(row.count));
  const daily: DailyStats[] = [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, entry]) => ({
      day: name,
      decisions: entry.decisions,
      methods: entry.methods as Partial<Record<DecisionMethod, number>>,
      granted: entry.granted,
    }));
  return {
    days: daily,
    decisions,
    methods: methods as Partial<Record<DecisionMethod, number>>,
    granted,
    byLanguage,
    byRevision,
  };
}
