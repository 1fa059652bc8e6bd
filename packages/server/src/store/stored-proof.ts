/** A stored row back to the `StoredProof` callers see. */
import type { ProofInput, StoredProof } from "./ledger-store.ts";

export interface ProofRow {
  readonly seq: number | string;
  readonly prev_hash: string;
  readonly hash: string;
  readonly content: string;
}

export function storedProof(row: ProofRow): StoredProof {
  const content = JSON.parse(row.content) as ProofInput;
  return { ...content, seq: Number(row.seq), prevHash: row.prev_hash, hash: row.hash };
}
