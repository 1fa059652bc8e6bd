/**
 * Linking a batch of proofs onto the chain, the same for every store: each proof not already
 * stored (nor earlier in the batch) gets the next `seq` and `sha256(prevHash || content)`; a
 * stored one is answered as a duplicate with its stored hash and takes no place in the chain.
 */
import type { AppendResult, ProofInput } from "../store/ledger-store.ts";
import { type ProofColumns, proofColumns } from "./proof-columns.ts";
import { proofContentJson, proofHash } from "./proof-hash.ts";
import type { ChainPoint } from "./verify-chain.ts";

export interface PreparedProof {
  readonly columns: ProofColumns;
  /** `proofContentJson` of the proof: what its hash covers, and what is stored. */
  readonly content: string;
}

/** A proof as it is inserted: its place in the chain and its hashes. */
export interface ChainedProof extends PreparedProof {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

/** Columns and content of each proof, derived before any write: a malformed date fails the batch first. */
export function prepareProofs(proofs: readonly ProofInput[]): PreparedProof[] {
  return proofs.map((input) => ({ columns: proofColumns(input), content: proofContentJson(input) }));
}

export function chainBatch(
  batch: readonly PreparedProof[],
  head: ChainPoint,
  storedHash: (recordId: string) => string | undefined,
): { readonly rows: ChainedProof[]; readonly head: ChainPoint; readonly results: AppendResult[] } {
  const written = new Map<string, string>();
  const rows: ChainedProof[] = [];
  let last = head;
  const results = batch.map((proof): AppendResult => {
    const { recordId } = proof.columns;
    const existing = written.get(recordId) ?? storedHash(recordId);
    if (existing !== undefined) return { recordId, hash: existing, duplicate: true };
    const seq = last.seq + 1;
    const hash = proofHash(last.hash, proof.content);
    rows.push({ ...proof, seq, prevHash: last.hash, hash });
    written.set(recordId, hash);
    last = { seq, hash };
    return { recordId, hash, duplicate: false };
  });
  return { rows, head: last, results };
}
