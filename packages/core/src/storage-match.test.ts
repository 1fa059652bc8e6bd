import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cookieDomainCandidates,
  domainMatches,
  matchesPattern,
  matchesStorageItem,
} from "./storage-match.ts";

describe("storage item matching", () => {
  it.each([
    ["_ga_*", "_ga_XYZ123", true],
    ["_ga_*", "_ga_", true],
    ["_ga_*", "_ga", false],
    ["_ga_*", "x_ga_ABC", false],
    ["_hjSessionUser_*", "_hjSessionUser_123456", true],
    ["*_session", "shop_session", true],
    ["*_session", "shop_session_old", false],
    ["_pk_*.*", "_pk_id.1.abcd", true],
    ["_pk_*.*", "_pk_id", false],
    ["a*a", "a", false],
    ["a*a", "aa", true],
    ["*", "anything", true],
    ["_GA_*", "_ga_x", false],
  ])("pattern %j against %j is %s", (pattern, name, expected) => {
    expect(matchesPattern(pattern, name)).toBe(expected);
  });

  it("matches what a regular expression of the pattern matches", () => {
    const part = fc.stringMatching(/^[a-c_]{0,3}$/);
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 1, maxLength: 4 }),
        fc.stringMatching(/^[a-c_]{0,10}$/),
        (parts, name) => {
          const pattern = parts.join("*");
          const expression = new RegExp(
            `^${parts.map((p) => p.replace(/[$()*+.?[\\\]^{|}]/g, "\\$&")).join(".*")}$`,
          );
          expect(matchesPattern(pattern, name)).toBe(expression.test(name));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("matches cookie domains as browsers do", () => {
    expect(domainMatches(".doubleclick.net", "doubleclick.net")).toBe(true);
    expect(domainMatches(".doubleclick.net", ".ad.doubleclick.net")).toBe(true);
    expect(domainMatches("doubleclick.net", "DoubleClick.NET")).toBe(true);
    expect(domainMatches(".doubleclick.net", "notdoubleclick.net")).toBe(false);
    expect(domainMatches(".doubleclick.net", "doubleclick.net.evil.example")).toBe(false);
  });

  it("matches a declared item by type, name or pattern, and domain", () => {
    const ga = { name: "_ga" };
    expect(matchesStorageItem(ga, { type: "cookie", name: "_ga", domain: ".shop.example" })).toBe(true);
    expect(matchesStorageItem(ga, { type: "localStorage", name: "_ga" })).toBe(false);
    const ide = { name: "IDE", domain: ".doubleclick.net" };
    expect(matchesStorageItem(ide, { type: "cookie", name: "IDE", domain: ".doubleclick.net" })).toBe(true);
    expect(matchesStorageItem(ide, { type: "cookie", name: "IDE", domain: "shop.example" })).toBe(false);
    // document.cookie gives no domain: a name match is all the SDK can know.
    expect(matchesStorageItem(ide, { type: "cookie", name: "IDE" })).toBe(true);
    const key = { type: "localStorage" as const, pattern: "_hj*" };
    expect(matchesStorageItem(key, { type: "localStorage", name: "_hjTLDTest" })).toBe(true);
    expect(matchesStorageItem(key, { type: "sessionStorage", name: "_hjTLDTest" })).toBe(false);
  });

  it("lists the host and each parent domain for clean-up", () => {
    expect(cookieDomainCandidates("www.shop.example.co.uk")).toEqual([
      "www.shop.example.co.uk",
      "shop.example.co.uk",
      "example.co.uk",
      "co.uk",
      "uk",
    ]);
    expect(cookieDomainCandidates("localhost")).toEqual(["localhost"]);
  });
});
