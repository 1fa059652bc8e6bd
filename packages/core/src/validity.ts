/**
 * When a stored decision still counts, and when the visitor must be asked again.
 * A decision (accept or refuse alike) lasts `consentValidity` (6 months by default, at most
 * 13 months: CNIL, délibération 2020-091, art. 2); raising `revision` invalidates every earlier one.
 */
import type { ConsentCookieState } from "./consent-cookie.ts";
import { addDuration, type FixedDuration } from "./duration.ts";

export const DEFAULT_CONSENT_VALIDITY: FixedDuration = { amount: 6, unit: "month" };

/** Decisions dated later than this ahead of the clock are refused: clocks drift, they do not leap. */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

export type DecisionStatus =
  /** The decision counts: apply it, show no banner. */
  | "current"
  /** No decision, or an unreadable one. */
  | "missing"
  /** Past its expiry, or past `consentValidity` under the current configuration. */
  | "expired"
  /** Made for another revision of the policy. */
  | "outdated"
  /** Does not say yes or no for every consent category now offered. */
  | "incomplete"
  /** Dated in the future: a wrong clock or an edited cookie. */
  | "future";

export interface DecisionContext {
  readonly now: Date;
  readonly revision: number;
  readonly consentValidity: FixedDuration;
  /** Ids of the categories that need consent. */
  readonly consentCategories: readonly string[];
}

export function decisionExpiry(decidedAt: Date, consentValidity: FixedDuration): Date {
  return addDuration(decidedAt, consentValidity);
}

/**
 * The status of a stored decision. The earliest of the stored expiry and the current validity
 * applies, so shortening `consentValidity` takes effect for decisions already made.
 */
export function decisionStatus(
  state: ConsentCookieState | undefined,
  context: DecisionContext,
): DecisionStatus {
  if (!state) return "missing";
  const now = context.now.getTime();
  if (state.decidedAt.getTime() > now + MAX_CLOCK_SKEW_MS) return "future";
  if (state.revision !== context.revision) return "outdated";
  const expiry = Math.min(
    state.expiresAt.getTime(),
    decisionExpiry(state.decidedAt, context.consentValidity).getTime(),
  );
  if (now >= expiry) return "expired";
  for (const id of context.consentCategories)
    if (typeof state.categories[id] !== "boolean") return "incomplete";
  return "current";
}

/** Whether a category is allowed by a decision; exempt categories are always allowed. */
export function isCategoryAllowed(
  state: ConsentCookieState | undefined,
  category: string,
  exemptCategories: readonly string[],
): boolean {
  return exemptCategories.includes(category) || state?.categories[category] === true;
}
