import { describe, expect, it } from "vitest";
import { BROWSERS } from "./browsers.ts";
import { placeholders } from "./template.ts";
import { POLICY_LANGUAGES, POLICY_TEXTS } from "./texts.ts";

describe("the document's built-in texts", () => {
  it("say the same facts in French and English: every text has the same placeholders", () => {
    for (const key of Object.keys(POLICY_TEXTS.en) as (keyof typeof POLICY_TEXTS.en)[]) {
      expect(placeholders(POLICY_TEXTS.fr[key]).sort(), key).toEqual(
        placeholders(POLICY_TEXTS.en[key]).sort(),
      );
      expect(POLICY_TEXTS.fr[key].trim(), key).not.toBe("");
    }
  });

  it("explain how to delete or block cookies in Chrome, Firefox, Safari and Edge, with each vendor's help page", () => {
    expect(BROWSERS.map((browser) => browser.id)).toEqual(["chrome", "firefox", "safari", "edge"]);
    const vendors = {
      chrome: "support.google.com",
      firefox: "support.mozilla.org",
      safari: "support.apple.com",
      edge: "support.microsoft.com",
    };
    for (const browser of BROWSERS) {
      for (const language of POLICY_LANGUAGES) {
        const help = new URL(browser.help[language]);
        expect(help.protocol).toBe("https:");
        expect(help.hostname).toBe(vendors[browser.id]);
        expect(help.href, `${browser.id} help in ${language}`).toMatch(
          language === "fr" ? /\bfr\b/ : /\ben\b/,
        );
        expect(browser.steps[language]).toMatch(/›/);
      }
    }
  });
});
