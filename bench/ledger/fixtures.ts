/** What the ledger benchmark's processes share: the configuration and a valid proof per request. */
import { readFileSync } from "node:fs";
import {
  type ClientConfig,
  type ConsentRecord,
  decisionExpiry,
  type MacaronConfig,
  parseConfig,
  randomUuid,
  timeOrderedUuid,
} from "@macaron/core";

export const SITE_ORIGIN = "https://shop.example";

export function benchConfig(): MacaronConfig {
  const input = JSON.parse(
    readFileSync(new URL("../../examples/shop/macaron.config.json", import.meta.url), "utf8"),
  );
  input.site.origins = [SITE_ORIGIN];
  return parseConfig(input);
}

/** A fresh "accept all" decision with ids made as the SDK makes them (time-ordered proof id, random subject). */
export function benchRecord(client: ClientConfig): ConsentRecord {
  const decidedAt = new Date();
  return {
    id: timeOrderedUuid(decidedAt.getTime()),
    subjectId: randomUuid(),
    decidedAt: decidedAt.toISOString(),
    expiresAt: decisionExpiry(decidedAt, client.consentValidity).toISOString(),
    revision: client.revision,
    noticeHash: client.notices.fr?.hash ?? "",
    sdkVersion: "0.1.0",
    language: "fr",
    uiLayer: "banner",
    method: "accept-all",
    categories: Object.fromEntries(client.categories.map((category) => [category.id, true])),
    signals: { gpc: false },
    origin: SITE_ORIGIN,
  };
}
