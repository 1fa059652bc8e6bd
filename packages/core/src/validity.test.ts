import { describe, expect, it } from "vitest";
import type { ConsentCookieState } from "./consent-cookie.ts";
import { type DecisionContext, decisionStatus, isCategoryAllowed } from "./validity.ts";

const decidedAt = new Date("2026-01-31T10:00:00Z");
const DECISION: ConsentCookieState = {
  subjectId: "0b5e1c3a-8f2d-4c6e-9a7b-1d2e3f4a5b6c",
  decidedAt,
  // Six months after 31 January: 31 July.
  expiresAt: new Date("2026-07-31T10:00:00Z"),
  revision: 2,
  categories: { analytics: true, advertising: false },
  services: {},
};

function context(overrides: Partial<DecisionContext> = {}): DecisionContext {
  return {
    now: new Date("2026-03-01T00:00:00Z"),
    revision: 2,
    consentValidity: { amount: 6, unit: "month" },
    consentCategories: ["analytics", "advertising"],
    ...overrides,
  };
}

describe("when a decision counts", () => {
  it("counts a decision within its validity, for its revision", () => {
    expect(decisionStatus(DECISION, context())).toBe("current");
  });

  it("asks when there is no decision", () => {
    expect(decisionStatus(undefined, context())).toBe("missing");
  });

  it("keeps a decision until the last millisecond of its 6 months, and not after", () => {
    expect(decisionStatus(DECISION, context({ now: new Date("2026-07-31T09:59:59.999Z") }))).toBe("current");
    expect(decisionStatus(DECISION, context({ now: new Date("2026-07-31T10:00:00.000Z") }))).toBe("expired");
  });

  it("keeps a refusal exactly as long as a consent", () => {
    const refusal = { ...DECISION, categories: { analytics: false, advertising: false } };
    expect(decisionStatus(refusal, context({ now: new Date("2026-07-31T09:59:59Z") }))).toBe("current");
    expect(decisionStatus(refusal, context({ now: new Date("2026-07-31T10:00:00Z") }))).toBe("expired");
  });

  it("applies a validity shortened since the decision", () => {
    const shorter = context({ consentValidity: { amount: 3, unit: "month" } });
    expect(decisionStatus(DECISION, { ...shorter, now: new Date("2026-04-30T09:59:59Z") })).toBe("current");
    expect(decisionStatus(DECISION, { ...shorter, now: new Date("2026-04-30T10:00:00Z") })).toBe("expired");
  });

  it("never extends a decision beyond the expiry it was stored with", () => {
    const longer = context({
      consentValidity: { amount: 12, unit: "month" },
      now: new Date("2026-08-01T00:00:00Z"),
    });
    expect(decisionStatus(DECISION, longer)).toBe("expired");
  });

  it("asks again when the revision changes, up or down", () => {
    expect(decisionStatus(DECISION, context({ revision: 3 }))).toBe("outdated");
    expect(decisionStatus(DECISION, context({ revision: 1 }))).toBe("outdated");
  });

  it("asks again when a consent category was added without a decision for it", () => {
    expect(
      decisionStatus(DECISION, context({ consentCategories: ["analytics", "advertising", "social"] })),
    ).toBe("incomplete");
  });

  it("refuses a decision dated more than a day in the future", () => {
    const now = new Date(decidedAt.getTime() - 24 * 3600 * 1000);
    expect(decisionStatus(DECISION, context({ now }))).toBe("current");
    expect(decisionStatus(DECISION, context({ now: new Date(now.getTime() - 1) }))).toBe("future");
  });

  it("allows exempt categories always, others only when granted", () => {
    expect(isCategoryAllowed(undefined, "necessary", ["necessary"])).toBe(true);
    expect(isCategoryAllowed(undefined, "analytics", ["necessary"])).toBe(false);
    expect(isCategoryAllowed(DECISION, "analytics", ["necessary"])).toBe(true);
    expect(isCategoryAllowed(DECISION, "advertising", ["necessary"])).toBe(false);
    expect(isCategoryAllowed(DECISION, "social", ["necessary"])).toBe(false);
  });
});
