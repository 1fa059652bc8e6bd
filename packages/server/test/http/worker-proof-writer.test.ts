/** The group commit on a worker thread, against a real SQLite file. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openLedgerStore } from "../../src/store/open-ledger-store.ts";
import { WorkerProofWriter } from "../../src/worker-proof-writer.ts";
import { proofInput } from "../store/fixtures/proofs.ts";

const ledgerUrl = () => `sqlite:${join(mkdtempSync(join(tmpdir(), "macaron-worker-")), "ledger.db")}`;

/** `verify` of the ledger, through a connection of its own. */
async function verified(url: string) {
  const store = await openLedgerStore(url);
  try {
    return await store.verify();
  } finally {
    await store.close();
  }
}

describe("WorkerProofWriter", () => {
  it("acknowledges each proof once durable, grouping the proofs of a turn into few commits", async () => {
    const url = ledgerUrl();
    const store = await openLedgerStore(url);
    const writer = await WorkerProofWriter.start(url);
    try {
      const proofs = Array.from({ length: 200 }, () => proofInput());
      const results = await Promise.all(proofs.map((proof) => writer.write(proof)));
      expect(results.map((result) => result.recordId)).toEqual(proofs.map((proof) => proof.record.id));
      expect(results.every((result) => !result.duplicate)).toBe(true);
      expect(writer.committed).toBe(200);
      expect(writer.commits).toBeLessThan(10);
      // Read through another connection: what was acknowledged is in the file, chained.
      expect(await store.verify()).toEqual({ checked: 200 });
      const stored = await store.proof(proofs[7]?.record.id ?? "");
      expect(stored?.hash).toBe(results[7]?.hash);
    } finally {
      await writer.close();
      await store.close();
    }
  });

  it("answers a proof sent twice, in one turn or later, as stored once", async () => {
    const url = ledgerUrl();
    const writer = await WorkerProofWriter.start(url);
    const proof = proofInput();
    try {
      const [first, again] = await Promise.all([writer.write(proof), writer.write(proof)]);
      const later = await writer.write(proof);
      expect(first?.duplicate).toBe(false);
      expect(again).toEqual({ ...first, duplicate: true });
      expect(later).toEqual({ ...first, duplicate: true });
    } finally {
      await writer.close();
    }
    expect(await verified(url)).toEqual({ checked: 1 });
  });

  it("commits what is pending before it closes, and refuses proofs after", async () => {
    const url = ledgerUrl();
    const writer = await WorkerProofWriter.start(url);
    const pending = Array.from({ length: 20 }, () => writer.write(proofInput()));
    await writer.close();
    await expect(Promise.all(pending)).resolves.toHaveLength(20);
    await expect(writer.write(proofInput())).rejects.toThrow(/worker exited/);
    expect(await verified(url)).toEqual({ checked: 20 });
  });

  it("rejects the proofs of a failed commit with the store's reason", async () => {
    const url = ledgerUrl();
    const writer = await WorkerProofWriter.start(url);
    try {
      const broken = { ...proofInput(), receivedAt: "not a date" };
      await expect(writer.write(broken)).rejects.toThrow(/ledger append failed: .*not an ISO 8601/);
      await expect(writer.write(proofInput())).resolves.toMatchObject({ duplicate: false });
    } finally {
      await writer.close();
    }
  });
});
