/** POST /v1/consents is rate-limited per client; the other routes are not. */
import { describe, expect, it } from "vitest";
import { postRecord, startLedger, validRecord } from "./fixtures/ledger-server.ts";

describe("rate limit", () => {
  it("answers 429 with Retry-After once a client exceeds its proofs per window", async () => {
    const ledger = await startLedger({ rateLimit: { max: 3, timeWindow: "1 minute" } });
    try {
      const statuses: number[] = [];
      for (let index = 0; index < 3; index++)
        statuses.push((await postRecord(ledger.url, validRecord(ledger.client))).status);
      expect(statuses).toEqual([201, 201, 201]);
      const limited = await postRecord(ledger.url, validRecord(ledger.client));
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await limited.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });
      expect((await fetch(`${ledger.url}/v1/policy`)).status).toBe(200);
    } finally {
      await ledger.close();
    }
  });
});
