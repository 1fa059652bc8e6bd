/**
 * The dashboard's filters, as they arrive from a GET form, turned into a `ProofQuery`. Dates are
 * calendar days (UTC) as a person picks them: "to" is inclusive in the form and becomes the
 * store's exclusive bound (the next day). Bad values are reported by field, never guessed.
 */
import { DECISION_METHODS, type DecisionMethod } from "@macaron/core";
import type { ProofQuery } from "../store/ledger-store.ts";

export interface FilterForm {
  readonly consentId: string;
  readonly from: string;
  readonly to: string;
  readonly category: string;
  readonly granted: "" | "true" | "false";
  readonly method: string;
  readonly revision: string;
  readonly language: string;
}

export interface FieldError {
  readonly field: keyof FilterForm;
  readonly message: string;
}

export interface ParsedFilters {
  readonly form: FilterForm;
  readonly query: ProofQuery;
  readonly errors: readonly FieldError[];
}

const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(text: string): boolean {
  return DAY.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function nextDay(day: string): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS));
}

/** Every UTC day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += DAY_MS) {
    days.push(dayOf(new Date(time)));
  }
  return days;
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

export function parseFilters(params: Readonly<Record<string, unknown>>): ParsedFilters {
  const granted = text(params.granted);
  const form: FilterForm = {
    consentId: text(params.consentId),
    from: text(params.from),
    to: text(params.to),
    category: text(params.category),
    granted: granted === "true" || granted === "false" ? granted : "",
    method: text(params.method),
    revision: text(params.revision),
    language: text(params.language),
  };
  const errors: FieldError[] = [];
  const query: { -readonly [K in keyof ProofQuery]: ProofQuery[K] } = {};
  if (form.consentId) {
    if (!/^[0-9a-fA-F-]{1,64}$/.test(form.consentId))
      errors.push({ field: "consentId", message: "expected a record id or subject id (a UUID)" });
    else query.consentId = form.consentId.toLowerCase();
  }
  if (form.from) {
    if (isDay(form.from)) query.from = form.from;
    else errors.push({ field: "from", message: "expected a date such as 2026-11-01" });
  }
  if (form.to) {
    if (isDay(form.to)) query.to = nextDay(form.to);
    else errors.push({ field: "to", message: "expected a date such as 2026-11-30" });
  }
  if (query.from && form.to && isDay(form.to) && form.to < form.from)
    errors.push({ field: "to", message: "expected a day on or after “from”" });
  if (form.category) {
    if (/^[a-z][a-z0-9_-]{0,39}$/.test(form.category)) query.category = form.category;
    else errors.push({ field: "category", message: "expected a category id" });
  }
  if (form.granted) query.granted = form.granted === "true";
  if (form.method) {
    if ((DECISION_METHODS as readonly string[]).includes(form.method))
      query.method = form.method as DecisionMethod;
    else errors.push({ field: "method", message: `expected one of ${DECISION_METHODS.join(", ")}` });
  }
  if (form.revision) {
    if (/^[1-9]\d{0,8}$/.test(form.revision)) query.revision = Number(form.revision);
    else errors.push({ field: "revision", message: "expected a revision number" });
  }
  if (form.language) {
    if (/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(form.language)) query.language = form.language;
    else errors.push({ field: "language", message: "expected a language tag such as fr" });
  }
  return { form, query, errors };
}

/** The form's non-empty fields as a query string (for pagination and export links). */
export function filterQueryString(form: FilterForm, extra: Readonly<Record<string, string>> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...form, ...extra })) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export interface Period {
  readonly from: string;
  /** Inclusive. */
  readonly to: string;
}

/** The overview's period: the form's days, else the last 30 days up to today. */
export function parsePeriod(
  params: Readonly<Record<string, unknown>>,
  now: Date,
): { readonly period: Period; readonly errors: readonly FieldError[] } {
  const today = dayOf(now);
  const defaultFrom = dayOf(new Date(Date.parse(`${today}T00:00:00Z`) - 29 * DAY_MS));
  const errors: FieldError[] = [];
  let from = text(params.from) || defaultFrom;
  let to = text(params.to) || today;
  if (!isDay(from)) {
    errors.push({ field: "from", message: "expected a date such as 2026-11-01" });
    from = defaultFrom;
  }
  if (!isDay(to)) {
    errors.push({ field: "to", message: "expected a date such as 2026-11-30" });
    to = today;
  }
  if (to < from) {
    errors.push({ field: "to", message: "expected a day on or after “from”" });
    to = from;
  }
  if (Date.parse(to) - Date.parse(from) > 3660 * DAY_MS) {
    errors.push({ field: "from", message: "expected a period of at most ten years" });
    from = defaultFrom;
    to = today;
  }
  return { period: { from, to }, errors };
}
