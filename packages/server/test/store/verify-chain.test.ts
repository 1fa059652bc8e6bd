/** The chain check alone: any edit, removal or reordering of stored proofs is named where it starts. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { proofColumns } from "../../src/chain/proof-columns.ts";
import { GENESIS_HASH, proofContentJson, proofHash } from "../../src/chain/proof-hash.ts";
import { type ChainPoint, type ChainRow, GENESIS, verifyChain } from "../../src/chain/verify-chain.ts";
import { proofSeries } from "./fixtures/proofs.ts";

function chain(count: number): { rows: ChainRow[]; head: ChainPoint } {
  let prevHash = GENESIS_HASH;
  const rows = proofSeries(count).map((input, index): ChainRow => {
    const content = proofContentJson(input);
    const hash = proofHash(prevHash, content);
    const row = { ...proofColumns(input), seq: index + 1, prevHash, hash, content };
    prevHash = hash;
    return row;
  });
  return { rows, head: { seq: count, hash: prevHash } };
}

const CHAIN = chain(12);

describe("verifyChain", () => {
  it("passes an intact chain from genesis and from a purge anchor", async () => {
    expect(await verifyChain(GENESIS, CHAIN.head, CHAIN.rows)).toEqual({ checked: 12 });
    const anchor = { seq: 4, hash: CHAIN.rows[3]?.hash as string };
    expect(await verifyChain(anchor, CHAIN.head, CHAIN.rows.slice(4))).toEqual({ checked: 8 });
  });

  it("names the first proof touched by any edit, removal or swap", async () => {
    const tampering = fc.oneof(
      fc.record({ kind: fc.constant("content" as const), at: fc.nat(11), char: fc.nat(200) }),
      fc.record({ kind: fc.constant("hash" as const), at: fc.nat(10) }),
      fc.record({ kind: fc.constant("remove" as const), at: fc.nat(10) }),
      fc.record({ kind: fc.constant("swap" as const), at: fc.nat(10) }),
    );
    await fc.assert(
      fc.asyncProperty(tampering, async (change) => {
        const rows = CHAIN.rows.map((row) => ({ ...row }));
        const at = change.at;
        const target = rows[at] as ChainRow;
        if (change.kind === "content") {
          const index = change.char % target.content.length;
          const replaced = target.content[index] === "x" ? "y" : "x";
          rows[at] = {
            ...target,
            content: target.content.slice(0, index) + replaced + target.content.slice(index + 1),
          };
        } else if (change.kind === "hash") {
          // Rehashed after an edit: the proof itself checks out, the next link does not.
          const content = target.content.replace("Mozilla", "Forged");
          rows[at] = { ...target, content, hash: proofHash(target.prevHash, content) };
        } else if (change.kind === "remove") rows.splice(at, 1);
        else [rows[at], rows[at + 1]] = [rows[at + 1] as ChainRow, target];
        const { firstBreak, checked } = await verifyChain(GENESIS, CHAIN.head, rows);
        // The break is named at the first stored row out of place: the edited one, the one after a
        // rehashed or removed proof, or the later of two swapped ones (found first).
        const expected = {
          content: { seq: at + 1, checked: at },
          hash: { seq: at + 2, checked: at + 1 },
          remove: { seq: at + 2, checked: at },
          swap: { seq: at + 2, checked: at },
        }[change.kind];
        expect({ seq: firstBreak?.seq, checked }).toEqual(expected);
      }),
    );
  });

  it("notices that the newest proofs were removed", async () => {
    const { firstBreak } = await verifyChain(GENESIS, CHAIN.head, CHAIN.rows.slice(0, 10));
    expect(firstBreak).toMatchObject({ seq: 11, recordId: "(removed)" });
  });
});
