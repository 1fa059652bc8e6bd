import { describe, expect, it } from "vitest";
import { seedConfig } from "../test/seed-config.ts";
import { CONSENT_TYPES, consentModeMap, consentModeState } from "./consent-mode.ts";

const map = consentModeMap(seedConfig().categories);

describe("Google Consent Mode v2 mapping", () => {
  it("maps the seed's categories to their consent types", () => {
    expect(map).toEqual({
      necessary: [],
      analytics: ["analytics_storage"],
      advertising: ["ad_storage", "ad_user_data", "ad_personalization"],
      social: [],
    });
  });

  it("denies everything but security_storage before any decision", () => {
    const state = consentModeState(map);
    expect(Object.keys(state).sort()).toEqual([...CONSENT_TYPES].sort());
    for (const type of CONSENT_TYPES)
      expect(state[type]).toBe(type === "security_storage" ? "granted" : "denied");
  });

  const combinations: [boolean, boolean, boolean][] = [];
  for (const analytics of [false, true])
    for (const advertising of [false, true])
      for (const social of [false, true]) combinations.push([analytics, advertising, social]);

  it.each(combinations)("analytics=%s advertising=%s social=%s", (analytics, advertising, social) => {
    const state = consentModeState(map, { necessary: true, analytics, advertising, social });
    const expected = (granted: boolean) => (granted ? "granted" : "denied");
    expect(state).toEqual({
      analytics_storage: expected(analytics),
      ad_storage: expected(advertising),
      ad_user_data: expected(advertising),
      ad_personalization: expected(advertising),
      functionality_storage: "denied",
      personalization_storage: "denied",
      security_storage: "granted",
    });
  });

  it("uses the default map for well-known category ids without explicit types", () => {
    expect(consentModeMap([{ id: "marketing" }, { id: "preferences" }, { id: "custom" }])).toEqual({
      marketing: ["ad_storage", "ad_user_data", "ad_personalization"],
      preferences: ["functionality_storage", "personalization_storage"],
      custom: [],
    });
  });

  it("lets a refusal win when two categories grant the same type", () => {
    const shared = { advertising: ["ad_storage"], social: ["ad_storage"] } as const;
    expect(consentModeState(shared, { advertising: true, social: false }).ad_storage).toBe("denied");
    expect(consentModeState(shared, { advertising: true, social: true }).ad_storage).toBe("granted");
  });
});
