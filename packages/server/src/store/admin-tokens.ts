/**
 * Admin tokens: `mcn_<id>_<secret>`, the secret 32 random bytes. Stores keep the id and the SHA-256
 * of the secret only; a presented token is looked up by its id and its secret's hash compared in
 * constant time, so neither a leaked database nor response timing gives a usable token away.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const TOKEN = /^mcn_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface NewToken {
  readonly id: string;
  readonly token: string;
  readonly secretHash: string;
}

function secretHash(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function newToken(): NewToken {
  const id = randomBytes(8).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  return { id, token: `mcn_${id}_${secret}`, secretHash: secretHash(secret) };
}

/** The id a presented token claims, or undefined when it is not shaped like one of ours. */
export function tokenId(token: string): string | undefined {
  return TOKEN.exec(token)?.[1];
}

export function tokenMatches(token: string, storedHash: string): boolean {
  const secret = TOKEN.exec(token)?.[2];
  if (secret === undefined) return false;
  const expected = Buffer.from(storedHash, "hex");
  const actual = Buffer.from(secretHash(secret), "hex");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
