/**
 * Google Consent Mode v2 through the `dataLayer`, as gtag.js reads it: defaults (all denied but
 * security_storage) before any tag can run, then an update on every decision.
 * https://developers.google.com/tag-platform/security/guides/consent
 */
import { type ConsentModeState, consentModeState } from "@macaron/core";
import { config } from "./context.ts";

const page = window as unknown as { dataLayer?: unknown[] };

function dataLayer(): unknown[] {
  page.dataLayer ??= [];
  return page.dataLayer;
}

// gtag.js only reads commands pushed as an `arguments` object, not as an array.
function gtag(..._command: unknown[]): void {
  // biome-ignore lint/complexity/noArguments: see above.
  dataLayer().push(arguments);
}

export function consentDefaults(): void {
  if (config.consentMode.enabled)
    gtag("consent", "default", {
      ...consentModeState(config.consentMode.map),
      wait_for_update: config.consentMode.waitForUpdate,
    });
}

/** Sends the decision to Consent Mode and to tag managers; returns the Consent Mode state sent. */
export function signalDecision(
  categories: Readonly<Record<string, boolean>>,
  services: Readonly<Record<string, boolean>>,
): ConsentModeState | undefined {
  const state = config.consentMode.enabled ? consentModeState(config.consentMode.map, categories) : undefined;
  if (state) gtag("consent", "update", state);
  dataLayer().push({ event: "macaron_consent", macaron: { categories, services } });
  return state;
}
