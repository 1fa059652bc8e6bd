/**
 * The export is streamed with backpressure: the server reads proofs from the store only as fast as
 * the client takes the response, so a million proofs never sit in memory at once.
 */
import { describe, expect, it } from "vitest";
import type { StoredProof } from "../../src/store/ledger-store.ts";
import { openTestStore, SITE_ORIGIN, startLedger } from "./fixtures/ledger-server.ts";

const MILLION = 1_000_000;

function syntheticProof(seq: number): StoredProof {
  const id = `00000000-0000-4000-8000-${seq.toString(16).padStart(12, "0")}`;
  return {
    seq,
    prevHash: "0".repeat(64),
    hash: "f".repeat(64),
    receivedAt: "2026-11-25T10:00:00.000Z",
    policyHash: "e".repeat(64),
    ipHash: null,
    userAgent: "Bench/1.0",
    record: {
      id,
      subjectId: id,
      decidedAt: "2026-11-25T10:00:00.000Z",
      expiresAt: "2027-05-25T10:00:00.000Z",
      revision: 1,
      noticeHash: "d".repeat(64),
      sdkVersion: "0.1.0",
      language: "fr",
      uiLayer: "banner",
      method: "accept-all",
      categories: { necessary: true, analytics: true },
      signals: { gpc: false },
      origin: SITE_ORIGIN,
    },
  };
}

describe("GET /v1/admin/export", () => {
  it("reads a million proofs only as fast as the client takes them", async () => {
    let pulled = 0;
    const store = await openTestStore();
    store.streamProofs = async function* () {
      for (let seq = 1; seq <= MILLION; seq++) {
        pulled = seq;
        yield syntheticProof(seq);
      }
    };
    const ledger = await startLedger({ store });
    try {
      const { token } = await store.createToken("export");
      const response = await fetch(`${ledger.url}/v1/admin/export?format=csv`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      let received = 0;
      while (received < 1024 * 1024) received += (await reader.read()).value?.length ?? 0;
      // Let the server run ahead as far as the socket buffers allow, then look.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(pulled).toBeGreaterThan(1000);
      expect(pulled).toBeLessThan(MILLION / 4);
      await reader.cancel();
    } finally {
      await ledger.close();
    }
  });
});
