import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { acceptedLanguages, policyLanguageFor, policyLanguages, requirePolicyLanguage } from "./language.ts";

const bilingual = { languages: ["fr", "en"], defaultLanguage: undefined };

describe("choosing the policy's language for a request", () => {
  it("takes ?lang= first, then Accept-Language, then the configuration's default language", () => {
    expect(policyLanguageFor(bilingual, { query: "en", acceptLanguage: "fr" })).toBe("en");
    expect(policyLanguageFor(bilingual, { acceptLanguage: "en-GB,en;q=0.9,fr;q=0.8" })).toBe("en");
    expect(policyLanguageFor(bilingual, {})).toBe("fr");
    expect(policyLanguageFor({ languages: ["fr", "en"], defaultLanguage: "en" })).toBe("en");
  });

  it("falls back past a ?lang= it has no policy in, instead of failing the visitor", () => {
    expect(policyLanguageFor(bilingual, { query: "de", acceptLanguage: "en" })).toBe("en");
    expect(policyLanguageFor(bilingual, { query: ["EN", "fr"] })).toBe("en");
  });

  it("matches a regional Accept-Language to its language and honours quality values", () => {
    expect(policyLanguageFor(bilingual, { acceptLanguage: "de-DE, en-US;q=0.5, fr-CA;q=0.7" })).toBe("fr");
    expect(policyLanguageFor({ languages: ["en", "fr"] }, { acceptLanguage: "fr;q=0, *;q=0.1" })).toBe("en");
  });

  it("offers only the configuration's languages that have document texts", () => {
    expect(policyLanguages({ languages: ["de", "en"] })).toEqual(["en"]);
    expect(policyLanguageFor({ languages: ["de", "en"], defaultLanguage: "de" }, { query: "de" })).toBe("en");
    expect(() => requirePolicyLanguage({ languages: ["en"] }, "fr")).toThrow(
      /no cookie policy in "fr": available in en/,
    );
    expect(() => policyLanguageFor({ languages: ["de"] })).toThrow(/no built-in document texts/);
  });

  it("reads Accept-Language ranges best first, skipping malformed ones", () => {
    expect(acceptedLanguages("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5")).toEqual([
      "fr-ch",
      "fr",
      "en",
      "de",
      "*",
    ]);
    expect(acceptedLanguages("en;q=0.2, fr;q=1.0, <script>, es;q=abc")).toEqual(["fr", "es", "en"]);
  });

  it("always answers one of the available languages, whatever the request holds", () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.option(fc.string()), (query, acceptLanguage) => {
        expect(["fr", "en"]).toContain(policyLanguageFor(bilingual, { query, acceptLanguage }));
      }),
    );
  });
});
