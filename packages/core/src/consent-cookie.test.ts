import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ConsentCookieState, decodeConsentCookie, encodeConsentCookie } from "./consent-cookie.ts";

const id = fc.stringMatching(/^[a-z][a-z0-9_-]{0,12}$/);
const choices = fc.dictionary(id, fc.boolean(), { maxKeys: 6 });
// Whole seconds from 2001 to 2100: the cookie stores Unix seconds.
const second = fc.integer({ min: 1_000_000_000, max: 4_102_444_800 });

const validState: fc.Arbitrary<ConsentCookieState> = fc
  .record({
    subjectId: fc.uuid({ version: 4 }),
    decided: second,
    lifetime: fc.integer({ min: 1, max: 400 * 86_400 }),
    revision: fc.integer({ min: 1, max: 1_000_000 }),
    categories: fc.dictionary(id, fc.boolean(), { minKeys: 1, maxKeys: 6 }),
    services: choices,
  })
  .map(({ subjectId, decided, lifetime, revision, categories, services }) => ({
    subjectId,
    decidedAt: new Date(decided * 1000),
    expiresAt: new Date((decided + lifetime) * 1000),
    revision,
    categories,
    services,
  }));

const SAMPLE: ConsentCookieState = {
  subjectId: "0b5e1c3a-8f2d-4c6e-9a7b-1d2e3f4a5b6c",
  decidedAt: new Date("2026-11-25T10:00:00Z"),
  expiresAt: new Date("2027-05-25T10:00:00Z"),
  revision: 3,
  categories: { necessary: true, analytics: true, advertising: false, social: false },
  services: { "google-analytics": true },
};

/** "Consent" for these tests: a decoded value that grants anything. */
function grantsSomething(value: string): boolean {
  const state = decodeConsentCookie(value);
  return state !== undefined && Object.values(state.categories).some(Boolean);
}

describe("the consent cookie codec", () => {
  it("round-trips every valid decision", () => {
    fc.assert(
      fc.property(validState, (state) => {
        expect(decodeConsentCookie(encodeConsentCookie(state))).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });

  it("is compact and uses cookie-safe characters only", () => {
    const value = encodeConsentCookie(SAMPLE);
    expect(value.length).toBeLessThan(140);
    fc.assert(
      fc.property(validState, (state) => {
        // RFC 6265 cookie-octet: no controls, whitespace, DQUOTE, comma, semicolon or backslash.
        expect(encodeConsentCookie(state)).toMatch(/^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]+$/);
      }),
    );
  });

  it("decodes a missing or empty value to no decision", () => {
    expect(decodeConsentCookie(undefined)).toBeUndefined();
    expect(decodeConsentCookie(null)).toBeUndefined();
    expect(decodeConsentCookie("")).toBeUndefined();
  });

  it("never decodes random text to consent", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => !grantsSomething(text)),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.stringMatching(/^1\.[0-9a-f-]{36}\.[0-9a-z.:|]{0,80}$/),
        (text) => !grantsSomething(text),
      ),
      { numRuns: 2000 },
    );
  });

  it("decodes any single changed character to no decision", () => {
    fc.assert(
      fc.property(validState, fc.nat(), fc.integer({ min: 0x21, max: 0x7e }), (state, at, code) => {
        const value = encodeConsentCookie(state);
        const index = at % value.length;
        fc.pre(value.charCodeAt(index) !== code);
        const tampered = value.slice(0, index) + String.fromCharCode(code) + value.slice(index + 1);
        expect(decodeConsentCookie(tampered)).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it("decodes a refusal flipped to a grant to no decision", () => {
    const value = encodeConsentCookie(SAMPLE);
    expect(decodeConsentCookie(value.replace("advertising:0", "advertising:1"))).toBeUndefined();
  });

  it("decodes every truncation to no decision", () => {
    const value = encodeConsentCookie(SAMPLE);
    for (let length = 0; length < value.length; length++) {
      expect(decodeConsentCookie(value.slice(0, length)), `truncated to ${length}`).toBeUndefined();
    }
  });

  it("decodes inserted or deleted characters to no decision", () => {
    fc.assert(
      fc.property(validState, fc.nat(), fc.string({ minLength: 1, maxLength: 3 }), (state, at, inserted) => {
        const value = encodeConsentCookie(state);
        const index = at % value.length;
        expect(decodeConsentCookie(value.slice(0, index) + inserted + value.slice(index))).toBeUndefined();
        expect(decodeConsentCookie(value.slice(0, index) + value.slice(index + 1))).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });

  it("decodes a future version to no decision, even with a valid checksum", async () => {
    const { fnv1a } = await import("./consent-cookie.ts");
    const body = encodeConsentCookie(SAMPLE).split(".").slice(0, -1);
    body[0] = "2";
    const future = `${body.join(".")}.${fnv1a(body.join("."))}`;
    expect(decodeConsentCookie(future)).toBeUndefined();
  });

  it("decodes structurally wrong values with valid checksums to no decision", async () => {
    const { fnv1a } = await import("./consent-cookie.ts");
    const sign = (body: string) => `${body}.${fnv1a(body)}`;
    const subject = SAMPLE.subjectId;
    for (const body of [
      `1.${subject}.sa1b2c.sa1b2c.3.analytics:1.`, // expiry equal to the decision
      `1.${subject}.sa1b2c.sa1b2b.3.analytics:1.`, // expiry before the decision
      `1.${subject}.sa1b2c.sz1b2c.3..`, // no category at all
      `1.${subject}.sa1b2c.sz1b2c.3.analytics:1|analytics:0.`, // a category twice
      `1.${subject}.sa1b2c.sz1b2c.3.analytics:2.`, // neither 0 nor 1
      `1.${subject}.sa1b2c.sz1b2c.0.analytics:1.`, // revision 0
      `1.${subject}.sa1b2c.sz1b2c.3.Analytics:1.`, // not an id
      `1.${subject}.sa1b2c.sz1b2c.3.__proto__:1.`, // not an id
      `1.not-a-uuid.sa1b2c.sz1b2c.3.analytics:1.`,
      `1.${subject}.sa1b2c.sz1b2c.3.analytics:1`, // a field missing
      `1.${subject}.sa1b2c.sz1b2c.3.analytics:1..extra`, // a field too many
    ]) {
      expect(decodeConsentCookie(sign(body)), body).toBeUndefined();
    }
  });
});
