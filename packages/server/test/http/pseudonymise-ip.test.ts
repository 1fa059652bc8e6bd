/** The keyed hash of the client IP: one value per address and month, none shared across months. */
import { describe, expect, it } from "vitest";
import { IpPseudonymiser } from "../../src/pseudonymise-ip.ts";

function keyStore() {
  const reads: string[] = [];
  return {
    reads,
    async pseudonymKey(period: string) {
      reads.push(period);
      return new TextEncoder().encode(`key of ${period}`);
    },
  };
}

describe("IpPseudonymiser", () => {
  it("gives one address one pseudonym within a month and another the next month", async () => {
    const store = keyStore();
    const pseudonymiser = new IpPseudonymiser(store);
    const november = new Date("2026-11-30T23:59:59Z");
    const december = new Date("2026-12-01T00:00:00Z");
    const first = await pseudonymiser.pseudonymise("203.0.113.7", november);
    expect(await pseudonymiser.pseudonymise("203.0.113.7", november)).toBe(first);
    expect(await pseudonymiser.pseudonymise("::ffff:203.0.113.7", november)).toBe(first);
    const next = await pseudonymiser.pseudonymise("203.0.113.7", december);
    expect(next).toMatch(/^[0-9a-f]{64}$/);
    expect(next).not.toBe(first);
    expect(await pseudonymiser.pseudonymise("198.51.100.1", december)).not.toBe(next);
    expect(store.reads).toEqual(["2026-11", "2026-12"]);
  });

  it("has no pseudonym for an unknown address", async () => {
    expect(await new IpPseudonymiser(keyStore()).pseudonymise(undefined, new Date())).toBeNull();
  });
});
