import { describe, expect, it } from "vitest";
import { seedConfig } from "../test/seed-config.ts";
import { type ConsentRecord, consentRecordSchema } from "./consent-record.ts";
import { consentRecordIssues } from "./consent-record-rules.ts";

const config = seedConfig();
const now = new Date("2026-11-25T10:00:05Z");

function record(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    id: "7d1f0a4e-3c1b-4b8e-9f21-5a6b7c8d9e0f",
    subjectId: "0b5e1c3a-8f2d-4c6e-9a7b-1d2e3f4a5b6c",
    decidedAt: "2026-11-25T10:00:00.000Z",
    expiresAt: "2027-05-25T10:00:00.000Z",
    revision: 1,
    noticeHash: "a".repeat(64),
    sdkVersion: "0.1.0",
    language: "fr",
    uiLayer: "banner",
    method: "reject-all",
    categories: { necessary: true, analytics: false, advertising: false, social: false },
    signals: { gpc: false },
    origin: "https://lespetitsprodiges.com",
    ...overrides,
  };
}

const codes = (r: ConsentRecord) =>
  consentRecordIssues(r, config, now).map((found) => `${found.path}:${found.code}`);

describe("the consent record", () => {
  it("accepts a well-formed refusal", () => {
    expect(consentRecordSchema.safeParse(record()).success).toBe(true);
    expect(codes(record())).toEqual([]);
  });

  it.each([
    ["id", { id: "not-a-uuid" }],
    ["noticeHash", { noticeHash: "abc" }],
    ["decidedAt", { decidedAt: "yesterday" }],
    ["uiLayer", { uiLayer: "popup" }],
    ["method", { method: "accept" }],
    ["origin", { origin: "javascript:alert(1)" }],
    ["categories", { categories: {} }],
    ["categories.analytics", { categories: { analytics: "yes" } }],
  ])("refuses a malformed %s", (path, overrides) => {
    const result = consentRecordSchema.safeParse(record(overrides as Partial<ConsentRecord>));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join(".")).toBe(path);
  });

  it("refuses unknown fields", () => {
    expect(consentRecordSchema.safeParse({ ...record(), ip: "1.2.3.4" }).success).toBe(false);
  });

  it("requires an explicit choice for every consent category", () => {
    expect(codes(record({ categories: { necessary: true, analytics: false, advertising: false } }))).toEqual([
      "categories.social:implicit_refusal",
    ]);
  });

  it("refuses unknown categories and services, and refusing an exempt category", () => {
    expect(codes(record({ categories: { ...record().categories, stats: false } }))).toEqual([
      "categories.stats:unknown_category",
    ]);
    expect(codes(record({ services: { tiktok: false } }))).toEqual(["services.tiktok:unknown_service"]);
    expect(codes(record({ categories: { ...record().categories, necessary: false } }))).toEqual([
      "categories.necessary:exempt_refused",
    ]);
  });

  it("refuses a service granted inside a refused category", () => {
    expect(codes(record({ method: "custom", services: { "google-analytics": true } }))).toEqual([
      'services["google-analytics"]:service_in_refused_category',
    ]);
  });

  it("checks the method against the choices", () => {
    const all = { necessary: true, analytics: true, advertising: true, social: true };
    expect(codes(record({ method: "accept-all", categories: all }))).toEqual([]);
    expect(codes(record({ method: "reject-all", categories: all }))).toEqual(["method:method_mismatch"]);
    expect(codes(record({ method: "accept-all" }))).toEqual(["method:method_mismatch"]);
    // Accept all under Global Privacy Control keeps advertising refused.
    const underGpc = { ...all, advertising: false };
    expect(codes(record({ method: "accept-all", categories: underGpc, signals: { gpc: true } }))).toEqual([]);
    expect(codes(record({ method: "accept-all", categories: underGpc }))).toEqual(["method:method_mismatch"]);
  });

  it("checks the expiry against the configured validity", () => {
    expect(codes(record({ expiresAt: "2027-05-26T10:00:01.000Z" }))).toEqual([
      "expiresAt:expiry_beyond_validity",
    ]);
    expect(codes(record({ expiresAt: "2026-11-25T10:00:00.000Z" }))).toEqual([
      "expiresAt:expiry_before_decision",
    ]);
    expect(
      codes(record({ decidedAt: "2026-11-27T10:00:00.000Z", expiresAt: "2027-05-27T10:00:00.000Z" })),
    ).toEqual(["decidedAt:decided_in_future"]);
  });

  it("checks the revision and language against the configuration", () => {
    expect(codes(record({ revision: 2 }))).toEqual(["revision:revision_mismatch"]);
    expect(codes(record({ language: "de" }))).toEqual(["language:unknown_language"]);
  });
});
