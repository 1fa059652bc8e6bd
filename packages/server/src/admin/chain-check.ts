/**
 * One proof's seal, checked where the dashboard shows it: its hash recomputed from its content and
 * the previous proof's hash, with the ledger's own chain functions (`macaron verify` checks the
 * whole chain the same way).
 */
import { proofContentJson, proofHash } from "../chain/proof-hash.ts";
import type { StoredProof } from "../store/ledger-store.ts";
import type { ChainCheck } from "./pages/proof-detail.ts";

export function checkProofChain(proof: StoredProof): ChainCheck {
  const recomputed = proofHash(proof.prevHash, proofContentJson(proof));
  return { verifies: recomputed === proof.hash, recomputed };
}
