import { describe, expect, it } from "vitest";
import { checkProofChain } from "../../src/admin/chain-check.ts";
import { GENESIS_HASH, proofContentJson, proofHash } from "../../src/chain/proof-hash.ts";
import type { ChainSurroundings, ProofInput, StoredProof } from "../../src/store/ledger-store.ts";

const input: ProofInput = {
  record: {
    id: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
    subjectId: "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
    decidedAt: "2026-12-01T10:00:00.000Z",
    expiresAt: "2027-06-01T10:00:00.000Z",
    revision: 1,
    noticeHash: "b".repeat(64),
    sdkVersion: "0.1.0",
    language: "fr",
    uiLayer: "banner",
    method: "reject-all",
    categories: { necessary: true, analytics: false },
    signals: { gpc: false },
    origin: "https://shop.example",
  },
  receivedAt: "2026-12-01T10:00:01.000Z",
  policyHash: "a".repeat(64),
  ipHash: null,
  userAgent: null,
};

function sealed(seq: number, prevHash: string): StoredProof {
  return { ...input, seq, prevHash, hash: proofHash(prevHash, proofContentJson(input)) };
}

const previous = "1".repeat(64);
const proof = sealed(5, previous);
const middle: ChainSurroundings = {
  anchor: { seq: 0, hash: GENESIS_HASH },
  head: { seq: 9, hash: "9".repeat(64) },
  previousHash: previous,
  nextPrevHash: proof.hash,
};

describe("checkProofChain", () => {
  it("verifies a proof whose seal and both links hold", () => {
    expect(checkProofChain(proof, middle)).toEqual({ verifies: true, recomputed: proof.hash });
  });

  it("verifies the first proof against the genesis anchor and the last against the head", () => {
    const first = sealed(1, GENESIS_HASH);
    expect(
      checkProofChain(first, { ...middle, previousHash: undefined, nextPrevHash: first.hash }).verifies,
    ).toBe(true);
    const last = sealed(9, previous);
    const atHead = { ...middle, head: { seq: 9, hash: last.hash }, nextPrevHash: undefined };
    expect(checkProofChain(last, atHead).verifies).toBe(true);
  });

  it("verifies the first proof kept after a purge against the anchor", () => {
    const anchored = sealed(4, "4".repeat(64));
    const around = { ...middle, anchor: { seq: 3, hash: "4".repeat(64) }, previousHash: undefined };
    expect(checkProofChain(anchored, { ...around, nextPrevHash: anchored.hash }).verifies).toBe(true);
  });

  it.each([
    [
      "edited content",
      { ...proof, record: { ...proof.record, method: "accept-all" } },
      middle,
      /content was changed/,
    ],
    ["a broken link back", proof, { ...middle, previousHash: "2".repeat(64) }, /prevHash is not the hash/],
    [
      "a missing proof before it",
      proof,
      { ...middle, previousHash: undefined },
      /before it \(seq 4\) is missing/,
    ],
    [
      "a rewrite the next proof exposes",
      proof,
      { ...middle, nextPrevHash: "3".repeat(64) },
      /after it does not link/,
    ],
    [
      "a missing proof after it",
      proof,
      { ...middle, nextPrevHash: undefined },
      /after it \(seq 6\) is missing/,
    ],
    [
      "a last proof that is not the head",
      proof,
      { ...middle, head: { seq: 5, hash: "5".repeat(64) } },
      /chain head/,
    ],
  ] as const)("refuses %s", (_name, stored, around, reason) => {
    const check = checkProofChain(stored as StoredProof, around);
    expect(check.verifies).toBe(false);
    expect(check.reason).toMatch(reason);
  });
});
