/** The proof the ledger-store benchmarks append: a custom decision received now, with a given proof id. */
import { randomUuid } from "@macaron/core";
import type { ProofInput } from "@macaron/server";

export function benchProof(id: string): ProofInput {
  const now = new Date().toISOString();
  return {
    record: {
      id,
      subjectId: randomUuid(),
      decidedAt: now,
      expiresAt: new Date(Date.now() + 180 * 86_400_000).toISOString(),
      revision: 1,
      noticeHash: "b".repeat(64),
      sdkVersion: "0.1.0",
      language: "fr",
      uiLayer: "banner",
      method: "custom",
      categories: { necessary: true, analytics: true, advertising: false, social: false },
      signals: { gpc: false, consentMode: { analytics_storage: "granted", ad_storage: "denied" } },
      origin: "https://shop.example",
    },
    receivedAt: now,
    policyHash: "a".repeat(64),
    ipHash: "c".repeat(64),
    userAgent:
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
  };
}
