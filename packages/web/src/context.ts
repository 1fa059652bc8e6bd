/**
 * The SDK's state for this page: the configuration, the notice shown (language chosen once) and
 * the decision in force. Module-scoped bindings rather than an object: the minifier shortens them.
 */
import {
  type ClientConfig,
  type ClientNotice,
  type ConsentCookieState,
  isCategoryAllowed,
} from "@macaron/core";

export let config: ClientConfig;
export let notice: ClientNotice;
export let decision: ConsentCookieState | undefined;
export let consentIds: string[];
export let exemptIds: string[];

/** Global Privacy Control (https://privacycg.github.io/gpc-spec/#javascript-property-to-detect-preference). */
export const gpcSignal = (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;

export function configure(client: ClientConfig, language: string): void {
  config = client;
  notice = (client.notices[language] ?? client.notices[client.defaultLanguage]) as ClientNotice;
  consentIds = [];
  exemptIds = [];
  for (const { id, basis } of client.categories) (basis === "exempt" ? exemptIds : consentIds).push(id);
}

export function remember(state: ConsentCookieState): void {
  decision = state;
}

/** Whether a category (and, when named, one of its services) may run now. */
export function allowed(category: string, service?: string | null): boolean {
  return (
    isCategoryAllowed(decision, category, exemptIds) && !(service && decision?.services[service] === false)
  );
}
