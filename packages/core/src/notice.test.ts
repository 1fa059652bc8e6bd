import { describe, expect, it } from "vitest";
import { seedConfig, seedInput } from "../test/seed-config.ts";
import { canonicalJson } from "./canonical-json.ts";
import { noticeFor, noticeHash, sha256Hex } from "./notice.ts";
import { parseConfig } from "./validate.ts";

describe("the notice and its hash", () => {
  it("hashes with SHA-256", async () => {
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("shows the visitor's language: texts, categories, services and retentions", () => {
    const notice = noticeFor(seedConfig(), "fr");
    expect(notice.texts.rejectAll).toBe("Tout refuser");
    expect(notice.categories[1]).toMatchObject({
      id: "analytics",
      name: "Mesure d’audience",
      legalBasis: "Recueil du consentement",
    });
    const analytics = notice.services.find((service) => service.id === "google-analytics");
    expect(analytics?.cookies[0]).toMatchObject({ name: "_ga", retention: "2 ans" });
    expect(notice.consentValidity).toBe("6 mois");
  });

  it("lists Macaron's own consent cookie as strictly necessary, kept as long as a decision", () => {
    const consent = noticeFor(seedConfig(), "en").services.find((service) => service.id === "macaron");
    expect(consent).toMatchObject({ category: "necessary", provider: "CAMILLE & CLEMENTINE SAS" });
    expect(consent?.cookies).toEqual([
      expect.objectContaining({ name: "macaron_consent", retention: "6 months" }),
    ]);
  });

  it("is stable: the same configuration in another key order hashes the same", async () => {
    const input = seedInput();
    const reordered = Object.fromEntries(Object.entries(input).reverse());
    expect(await noticeHash(parseConfig(reordered), "en")).toBe(await noticeHash(seedConfig(), "en"));
  });

  it("differs per language", async () => {
    expect(await noticeHash(seedConfig(), "fr")).not.toBe(await noticeHash(seedConfig(), "en"));
  });

  it.each([
    ["a category text", (c: ReturnType<typeof seedInput>) => (c.categories[1].description.en += " Today.")],
    ["a retention", (c: ReturnType<typeof seedInput>) => (c.services[2].cookies[0].retention = "13 months")],
    ["an overridden button", (c: ReturnType<typeof seedInput>) => (c.texts = { en: { acceptAll: "OK" } })],
    ["the revision", (c: ReturnType<typeof seedInput>) => (c.revision = 2)],
    ["the validity", (c: ReturnType<typeof seedInput>) => (c.consentValidity = "3 months")],
  ])("changes when %s shown changes", async (_what, change) => {
    const input = seedInput();
    change(input);
    expect(await noticeHash(parseConfig(input), "en")).not.toBe(await noticeHash(seedConfig(), "en"));
  });

  it("does not change with what the visitor is not shown in that language", async () => {
    const input = seedInput();
    input.categories[1].description.fr = "Autre texte";
    expect(await noticeHash(parseConfig(input), "en")).toBe(await noticeHash(seedConfig(), "en"));
  });

  it("canonicalises key order and drops undefined members", () => {
    expect(canonicalJson({ b: 1, a: [true, { d: undefined, c: "x" }] })).toBe('{"a":[true,{"c":"x"}],"b":1}');
  });
});
