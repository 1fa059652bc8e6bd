/**
 * What the overview shows, computed from the store's statistics: every day of the period (days
 * without decisions count as zero, so the chart's time axis is honest), the acceptance rate per
 * consent category, and the shares of each way of deciding.
 */
import { DECISION_METHODS, type DecisionMethod, localize, type MacaronConfig } from "@macaron/core";
import type { LedgerStats } from "../store/ledger-store.ts";
import { daysBetween, type Period } from "./filters.ts";

export interface DayRow {
  readonly day: string;
  readonly decisions: number;
  readonly methods: Readonly<Record<DecisionMethod, number>>;
  /** Category → acceptance rate in percent, null on a day without decisions. */
  readonly rates: Readonly<Record<string, number | null>>;
}

export interface Share {
  readonly key: string;
  readonly count: number;
  readonly percent: number;
}

export interface OverviewData {
  readonly period: Period;
  readonly decisions: number;
  readonly categories: readonly { readonly id: string; readonly name: string }[];
  readonly days: readonly DayRow[];
  readonly categoryTotals: readonly Share[];
  readonly methods: readonly Share[];
  readonly languages: readonly Share[];
  readonly revisions: readonly Share[];
}

export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

function shares(counts: Readonly<Record<string, number | undefined>>, whole: number): Share[] {
  return Object.entries(counts)
    .filter((entry): entry is [string, number] => typeof entry[1] === "number" && entry[1] > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, count]) => ({ key, count, percent: percent(count, whole) }));
}

function categoryName(config: MacaronConfig, id: string): string {
  const category = config.categories.find((candidate) => candidate.id === id);
  return category ? localize(category.name, "en") : id;
}

export function overviewData(stats: LedgerStats, config: MacaronConfig, period: Period): OverviewData {
  const ids = config.categories
    .filter((category) => category.basis === "consent")
    .map((category) => category.id);
  for (const id of Object.keys(stats.granted)) if (!ids.includes(id) && !isExempt(config, id)) ids.push(id);
  const categories = ids.map((id) => ({ id, name: categoryName(config, id) }));
  const byDay = new Map(stats.days.map((day) => [day.day, day]));
  const days = daysBetween(period.from, period.to).map((day): DayRow => {
    const found = byDay.get(day);
    const decisions = found?.decisions ?? 0;
    const methods = Object.fromEntries(
      DECISION_METHODS.map((method) => [method, found?.methods[method] ?? 0]),
    );
    const rates = Object.fromEntries(
      ids.map((id) => [id, decisions === 0 ? null : percent(found?.granted[id] ?? 0, decisions)]),
    );
    return { day, decisions, methods: methods as Record<DecisionMethod, number>, rates };
  });
  return {
    period,
    decisions: stats.decisions,
    categories,
    days,
    categoryTotals: ids.map((id) => ({
      key: id,
      count: stats.granted[id] ?? 0,
      percent: percent(stats.granted[id] ?? 0, stats.decisions),
    })),
    methods: shares(stats.methods, stats.decisions),
    languages: shares(stats.byLanguage, stats.decisions),
    revisions: shares(stats.byRevision, stats.decisions),
  };
}

function isExempt(config: MacaronConfig, id: string): boolean {
  return config.categories.some((category) => category.id === id && category.basis === "exempt");
}

/** The series the chart script draws: x in Unix seconds (UTC midnight), one y array per line. */
export function chartSeries(data: OverviewData) {
  const x = data.days.map((row) => Date.parse(`${row.day}T00:00:00Z`) / 1000);
  return {
    decisions: { x, series: [{ label: "Decisions", values: data.days.map((row) => row.decisions) }] },
    acceptance: {
      x,
      series: data.categories.map((category) => ({
        label: category.name,
        values: data.days.map((row) => row.rates[category.id] ?? null),
      })),
    },
  };
}
