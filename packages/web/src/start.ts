/**
 * Start-up, in the order that matters: Consent Mode defaults before anything else, then the
 * decision in force (applied) or the banner, then gating once the document is parsed.
 */
import { type ClientConfig, decisionStatus, decodeConsentCookie, gpcSettlesDecision } from "@macaron/core";
import { installApi } from "./api.ts";
import { readConsentCookie } from "./consent-cookie.ts";
import { consentDefaults } from "./consent-mode.ts";
import { configure, consentIds, gpcSignal, remember } from "./context.ts";
import { afterDecision, applyDecision, decide } from "./decide.ts";
import { gate, gateDocument } from "./gating/gate.ts";
import { chooseLanguage } from "./language.ts";
import { hideBanner, showBanner } from "./ui/banner.ts";
import { closePreferences, showPreferences } from "./ui/preferences.ts";

export function start(client: ClientConfig): void {
  configure(client, chooseLanguage(client.languages, client.defaultLanguage));
  consentDefaults();
  installApi();
  afterDecision.push(hideBanner, closePreferences, () => gate());
  const stored = decodeConsentCookie(readConsentCookie());
  const status = decisionStatus(stored, {
    now: new Date(),
    revision: client.revision,
    consentValidity: client.consentValidity,
    consentCategories: consentIds,
  });
  if (stored && status === "current") {
    remember(stored);
    applyDecision(stored);
  } else if (gpcSettlesDecision(gpcSignal, client.gpc, consentIds)) decide({}, "gpc", "signal");
  else showBanner();
  // "Manage cookies" links, wherever and whenever they appear.
  document.addEventListener("click", (event) => {
    if ((event.target as Element).closest?.("[data-macaron-open]")) {
      event.preventDefault();
      showPreferences();
    }
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", gateDocument);
  else gateDocument();
}
