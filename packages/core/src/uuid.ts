/**
 * UUIDs from `crypto.getRandomValues`, which every browser and Node 20 have (`crypto.randomUUID`
 * exists only in secure contexts).
 */

interface RandomRuntime {
  readonly crypto: { getRandomValues(array: Uint8Array): Uint8Array };
}

const randomBytes = (count: number): Uint8Array =>
  (globalThis as unknown as RandomRuntime).crypto.getRandomValues(new Uint8Array(count));

/** A version 4 UUID: 122 random bits, nothing else. For ids that must reveal nothing (subject ids). */
export function randomUuid(): string {
  return formatUuid(withVersion(randomBytes(16), 4));
}

/**
 * A version 7 UUID (RFC 9562): the Unix time in milliseconds, then 74 random bits. Ids made one
 * after another sort in time, so the ledger's unique index on them grows at its right edge instead
 * of touching a random page of the B-tree per insert. For ids that are public anyway (proof ids,
 * next to their `decidedAt`).
 */
export function timeOrderedUuid(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  let time = Math.floor(now);
  for (let index = 5; index >= 0; index--) {
    bytes[index] = time % 256;
    time = Math.floor(time / 256);
  }
  return formatUuid(withVersion(bytes, 7));
}

function withVersion(bytes: Uint8Array, version: number): Uint8Array {
  bytes[6] = ((bytes[6] as number) & 15) | (version << 4);
  bytes[8] = ((bytes[8] as number) & 63) | 128;
  return bytes;
}

function formatUuid(bytes: Uint8Array): string {
  const hex = Array.from(bytes, (byte) => (byte + 256).toString(16).slice(1)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
