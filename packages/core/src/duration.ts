/**
 * Durations as a cookie policy states them: "13 months", "1 year", "30 days", "session",
 * in English or French ("13 mois", "1 an", "30 jours", "session").
 */

export type DurationUnit = "minute" | "hour" | "day" | "week" | "month" | "year";

export interface FixedDuration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

/** "session": the item is deleted when the browser session ends. */
export type Duration = FixedDuration | "session";

export type DisplayLanguage = "en" | "fr";

const UNIT_WORDS: Record<string, DurationUnit> = {
  minute: "minute",
  minutes: "minute",
  min: "minute",
  hour: "hour",
  hours: "hour",
  heure: "hour",
  heures: "hour",
  day: "day",
  days: "day",
  jour: "day",
  jours: "day",
  week: "week",
  weeks: "week",
  semaine: "week",
  semaines: "week",
  month: "month",
  months: "month",
  mois: "month",
  year: "year",
  years: "year",
  an: "year",
  ans: "year",
  année: "year",
  années: "year",
};

const SESSION_WORDS = new Set(["session", "end of session", "fin de session", "durée de la session"]);

/** Longest duration accepted anywhere: far beyond any real retention, it only rejects typos. */
const MAX_AMOUNT = 10_000;

/** Parses a duration in English or French; `undefined` when the text is not one. */
export function parseDuration(text: string): Duration | undefined {
  const normalised = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (SESSION_WORDS.has(normalised)) return "session";
  const match = /^(\d{1,5}) ?([a-zé]+)$/.exec(normalised);
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = UNIT_WORDS[match[2] ?? ""];
  if (unit === undefined || amount < 1 || amount > MAX_AMOUNT) return undefined;
  return { amount, unit };
}

const UNIT_NAMES: Record<DisplayLanguage, Record<DurationUnit, readonly [string, string]>> = {
  en: {
    minute: ["minute", "minutes"],
    hour: ["hour", "hours"],
    day: ["day", "days"],
    week: ["week", "weeks"],
    month: ["month", "months"],
    year: ["year", "years"],
  },
  fr: {
    minute: ["minute", "minutes"],
    hour: ["heure", "heures"],
    day: ["jour", "jours"],
    week: ["semaine", "semaines"],
    month: ["mois", "mois"],
    year: ["an", "ans"],
  },
};

const SESSION_NAMES: Record<DisplayLanguage, string> = { en: "end of session", fr: "fin de session" };

/** Formats a duration for visitors: "2 years", "13 mois", "end of session". */
export function formatDuration(duration: Duration, language: DisplayLanguage): string {
  if (duration === "session") return SESSION_NAMES[language];
  const [one, many] = UNIT_NAMES[language][duration.unit];
  return `${duration.amount} ${duration.amount === 1 ? one : many}`;
}

const SECONDS_PER_DAY = 86_400;
// The mean Gregorian year, so that "12 months" and "1 year" compare equal.
const DAYS_PER_YEAR = 365.2425;
const UNIT_SECONDS: Record<DurationUnit, number> = {
  minute: 60,
  hour: 3_600,
  day: SECONDS_PER_DAY,
  week: 7 * SECONDS_PER_DAY,
  month: (DAYS_PER_YEAR / 12) * SECONDS_PER_DAY,
  year: DAYS_PER_YEAR * SECONDS_PER_DAY,
};

/** Length in seconds, months and years at their mean length; a session counts as 0. */
export function approximateSeconds(duration: Duration): number {
  if (duration === "session") return 0;
  return duration.amount * UNIT_SECONDS[duration.unit];
}

/** True when `duration` is strictly longer than `limit` (CNIL's 13-month rules use this). */
export function isLongerThan(duration: Duration, limit: Duration): boolean {
  return approximateSeconds(duration) > approximateSeconds(limit) + 1e-6;
}

export const THIRTEEN_MONTHS: FixedDuration = { amount: 13, unit: "month" };

/**
 * Adds a duration to an instant on the UTC calendar: months and years land on the same day of the
 * month, clamped to the month's last day (31 January + 1 month = 28 or 29 February).
 */
export function addDuration(from: Date, duration: FixedDuration): Date {
  const { amount, unit } = duration;
  if (unit !== "month" && unit !== "year")
    return new Date(from.getTime() + amount * UNIT_SECONDS[unit] * 1000);
  const months = unit === "year" ? amount * 12 : amount;
  const result = new Date(from.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}
