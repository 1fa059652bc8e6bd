/**
 * The ledger's hash chain, in one place for every store: each proof's hash covers the canonical
 * JSON of what was stored and the previous proof's hash, so editing, removing or reordering a
 * stored proof breaks every link after it.
 */
import { createHash } from "node:crypto";
import { canonicalJson } from "@macaron/core";
import type { ProofInput } from "../store/ledger-store.ts";

/** The `prevHash` of the very first proof. */
export const GENESIS_HASH = "0".repeat(64);

/** Exactly the hashed fields of a proof, whatever else the caller's object carries. */
export function proofContent(input: ProofInput): ProofInput {
  return {
    record: input.record,
    receivedAt: input.receivedAt,
    policyHash: input.policyHash,
    ipHash: input.ipHash,
    userAgent: input.userAgent,
  };
}

/** The stored text of a proof: canonical JSON of its content, what `proofHash` covers. */
export function proofContentJson(input: ProofInput): string {
  return canonicalJson(proofContent(input));
}

/** `sha256(prevHash || contentJson)`, hex. */
export function proofHash(prevHash: string, contentJson: string): string {
  return createHash("sha256").update(prevHash).update(contentJson).digest("hex");
}
