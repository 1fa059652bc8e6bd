/**
 * One proof's seal, checked where the dashboard shows it, with the ledger's own chain functions
 * (`macaron verify` checks the whole chain the same way): its hash recomputed from its content and
 * its prevHash, its prevHash against the proof before it (or the anchor), and its hash against
 * the prevHash of the proof after it (or the recorded head). The last check is what exposes a
 * proof that was edited and then re-hashed: its own seal holds, the next link does not.
 */
import { proofContentJson, proofHash } from "../chain/proof-hash.ts";
import type { ChainSurroundings, StoredProof } from "../store/ledger-store.ts";

export interface ChainCheck {
  readonly verifies: boolean;
  readonly recomputed: string;
  /** Why it does not verify, when it does not. */
  readonly reason?: string;
}

function linkProblem(proof: StoredProof, around: ChainSurroundings, recomputed: string): string | undefined {
  if (recomputed !== proof.hash) return "its stored hash does not match its content: the content was changed";
  const { anchor, head, previousHash, nextPrevHash } = around;
  if (proof.seq <= anchor.seq) return `it sits at or before the purge anchor (seq ${anchor.seq})`;
  const expectedPrevious = proof.seq - 1 === anchor.seq ? anchor.hash : previousHash;
  if (expectedPrevious === undefined) return `the proof before it (seq ${proof.seq - 1}) is missing`;
  if (proof.prevHash !== expectedPrevious) return "its prevHash is not the hash of the proof before it";
  if (proof.seq === head.seq) {
    if (proof.hash !== head.hash) return "it is the last proof but not the recorded chain head";
    return undefined;
  }
  if (nextPrevHash === undefined) return `the proof after it (seq ${proof.seq + 1}) is missing`;
  if (nextPrevHash !== proof.hash)
    return "the proof after it does not link to it: this proof was rewritten after the next one was chained";
  return undefined;
}

export function checkProofChain(proof: StoredProof, around: ChainSurroundings): ChainCheck {
  const recomputed = proofHash(proof.prevHash, proofContentJson(proof));
  const reason = linkProblem(proof, around, recomputed);
  return reason === undefined ? { verifies: true, recomputed } : { verifies: false, recomputed, reason };
}
