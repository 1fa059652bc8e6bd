/**
 * Making a decision: complete it (refusals explicit, exempt categories on, Global Privacy Control
 * applied), store it in the consent cookie, signal it (Consent Mode, dataLayer, DOM events), clean
 * up what was refused, send its proof and, on a withdrawal, reload when configured so running
 * scripts stop.
 */
import {
  applyGpc,
  type ConsentCookieState,
  type DecisionMethod,
  decisionExpiry,
  encodeConsentCookie,
  randomUuid,
  type UiLayer,
} from "@macaron/core";
import { cleanUp } from "./clean-up.ts";
import { writeConsentCookie } from "./consent-cookie.ts";
import { signalDecision } from "./consent-mode.ts";
import { config, consentIds, decision, gpcSignal, notice, remember } from "./context.ts";
import { sendProof } from "./proof.ts";

export type Choices = Record<string, boolean>;

/** Run after every decision, and once at start for a decision already in force (gating, UI). */
export const afterDecision: (() => void)[] = [];

function emit(name: "consent" | "change"): void {
  document.dispatchEvent(new CustomEvent(`macaron:${name}`, { detail: decision && { ...decision } }));
}

/** Applies the decision in force: signals, clean-up, hooks and the `macaron:consent` event. */
export function applyDecision(state: ConsentCookieState): ReturnType<typeof signalDecision> {
  const consentMode = signalDecision(state.categories, state.services);
  cleanUp(consentIds.filter((id) => !state.categories[id]));
  for (const hook of afterDecision) hook();
  emit("consent");
  return consentMode;
}

/**
 * `explicit`: consent categories the visitor switched on one by one; Global Privacy Control does
 * not override them (core's `applyGpc`).
 */
export function decide(
  choices: Choices,
  method: DecisionMethod,
  uiLayer: UiLayer,
  serviceChoices: Choices = {},
  explicit: readonly string[] = [],
): void {
  const previous = decision;
  const categories: Choices = {};
  for (const { id, basis } of config.categories) categories[id] = basis === "exempt" || choices[id] === true;
  Object.assign(categories, applyGpc(categories, gpcSignal, config.gpc, explicit));
  const services: Choices = {};
  for (const service of notice.services)
    if (service.id in serviceChoices)
      services[service.id] = serviceChoices[service.id] === true && categories[service.category] === true;
  const withdrawn = consentIds.filter((id) => previous?.categories[id] && !categories[id]);
  // The cookie keeps whole seconds: the record says exactly what the cookie says.
  const decidedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const state: ConsentCookieState = {
    subjectId: previous?.subjectId ?? randomUuid(),
    decidedAt,
    expiresAt: decisionExpiry(decidedAt, config.consentValidity),
    revision: config.revision,
    categories,
    services,
  };
  writeConsentCookie(encodeConsentCookie(state), state.expiresAt);
  remember(state);
  const consentMode = applyDecision(state);
  if (consentIds.some((id) => previous?.categories[id] !== categories[id])) emit("change");
  sendProof(state, method === "custom" && withdrawn.length ? "withdraw" : method, uiLayer, consentMode);
  if (withdrawn.length && config.reloadOnWithdrawal) location.reload();
}

/** Every consent category granted (Global Privacy Control still applies). */
export function acceptAll(uiLayer: UiLayer): void {
  decide(Object.fromEntries(consentIds.map((id) => [id, true])), "accept-all", uiLayer);
}

export function rejectAll(uiLayer: UiLayer): void {
  decide({}, "reject-all", uiLayer);
}

/** Grants one category, keeping the rest of the decision in force (refused when none). */
export function allowCategory(category: string, uiLayer: UiLayer): void {
  decide({ ...decision?.categories, [category]: true }, "custom", uiLayer, decision?.services, [category]);
}
