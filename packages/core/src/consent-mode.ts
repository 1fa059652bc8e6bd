/**
 * Google Consent Mode v2: which of the seven consent types each category grants.
 * https://developers.google.com/tag-platform/security/guides/consent#consent-types
 */
import type { GrantableConsentType } from "./config-schema.ts";

export const CONSENT_TYPES = [
  "ad_storage",
  "ad_user_data",
  "ad_personalization",
  "analytics_storage",
  "functionality_storage",
  "personalization_storage",
  "security_storage",
] as const;

export type ConsentType = (typeof CONSENT_TYPES)[number];
export type ConsentModeValue = "granted" | "denied";
export type ConsentModeState = Record<ConsentType, ConsentModeValue>;
/** Category id → the consent types it grants. */
export type ConsentModeMap = Readonly<Record<string, readonly GrantableConsentType[]>>;

/** Used for a category whose configuration names no consent types, by its id. */
export const DEFAULT_CONSENT_MODE_MAP: ConsentModeMap = {
  analytics: ["analytics_storage"],
  statistics: ["analytics_storage"],
  advertising: ["ad_storage", "ad_user_data", "ad_personalization"],
  marketing: ["ad_storage", "ad_user_data", "ad_personalization"],
  functional: ["functionality_storage"],
  preferences: ["functionality_storage", "personalization_storage"],
  personalization: ["personalization_storage"],
};

export function consentModeMap(
  categories: readonly {
    readonly id: string;
    readonly consentMode?: readonly GrantableConsentType[] | undefined;
  }[],
): ConsentModeMap {
  const map: Record<string, readonly GrantableConsentType[]> = {};
  for (const category of categories)
    map[category.id] = category.consentMode ?? DEFAULT_CONSENT_MODE_MAP[category.id] ?? [];
  return map;
}

/**
 * The state to send for a decision. A type is granted only when at least one category grants it
 * and every category that grants it is allowed: a refusal always wins. `security_storage` is
 * always granted (it needs no consent); before any decision pass no choices: all else is denied.
 */
export function consentModeState(
  map: ConsentModeMap,
  allowed: Readonly<Record<string, boolean>> = {},
): ConsentModeState {
  const state = {} as ConsentModeState;
  for (const type of CONSENT_TYPES) {
    let granted = false;
    let refused = false;
    for (const category in map) {
      if (!map[category]?.includes(type as GrantableConsentType)) continue;
      if (allowed[category] === true) granted = true;
      else refused = true;
    }
    state[type] = type === "security_storage" || (granted && !refused) ? "granted" : "denied";
  }
  return state;
}
