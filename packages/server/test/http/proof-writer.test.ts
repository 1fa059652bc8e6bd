/** The group commit: what arrives during a commit goes into the next one, acknowledged after it. */
import { describe, expect, it } from "vitest";
import { ProofWriter } from "../../src/proof-writer.ts";
import type { AppendResult, ProofInput } from "../../src/store/ledger-store.ts";

function proof(id: string): ProofInput {
  return {
    record: { id } as ProofInput["record"],
    receivedAt: "",
    policyHash: "",
    ipHash: null,
    userAgent: null,
  };
}

/** A store whose commits finish only when the test says so. */
function slowStore() {
  const batches: string[][] = [];
  const finish: (() => void)[] = [];
  return {
    batches,
    finishNext: () => finish.shift()?.(),
    append(proofs: readonly ProofInput[]): Promise<AppendResult[]> {
      batches.push(proofs.map((p) => p.record.id));
      return new Promise((resolve) =>
        finish.push(() =>
          resolve(proofs.map((p) => ({ recordId: p.record.id, hash: `h-${p.record.id}`, duplicate: false }))),
        ),
      );
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("ProofWriter", () => {
  it("flushes the proofs that arrived during a commit together, as soon as it finishes", async () => {
    const store = slowStore();
    const writer = new ProofWriter(store);
    const acknowledged: string[] = [];
    const write = (id: string) =>
      writer.write(proof(id)).then((result) => acknowledged.push(result.recordId));
    const first = write("a");
    await tick();
    expect(store.batches).toEqual([["a"]]);
    const later = ["b", "c", "d"].map(write);
    await tick();
    expect(store.batches).toEqual([["a"]]);
    expect(acknowledged).toEqual([]);
    store.finishNext();
    await first;
    await tick();
    expect(acknowledged).toEqual(["a"]);
    expect(store.batches).toEqual([["a"], ["b", "c", "d"]]);
    store.finishNext();
    await Promise.all(later);
    expect(acknowledged).toEqual(["a", "b", "c", "d"]);
    expect(writer.commits).toBe(2);
  });

  it("puts the requests of one event-loop turn into one commit", async () => {
    const store = slowStore();
    const writer = new ProofWriter(store);
    const writes = ["a", "b", "c"].map((id) => writer.write(proof(id)));
    await tick();
    expect(store.batches).toEqual([["a", "b", "c"]]);
    store.finishNext();
    await Promise.all(writes);
  });

  it("rejects every proof of a failed commit and goes on with the next", async () => {
    let calls = 0;
    const writer = new ProofWriter({
      async append(proofs) {
        calls += 1;
        if (calls === 1) throw new Error("disk full");
        return proofs.map((p) => ({ recordId: p.record.id, hash: "h", duplicate: false }));
      },
    });
    const failed = [writer.write(proof("a")), writer.write(proof("b"))];
    await expect(Promise.all(failed)).rejects.toThrow("disk full");
    await expect(writer.write(proof("c"))).resolves.toMatchObject({ recordId: "c" });
  });

  it("caps a commit at maxBatch proofs", async () => {
    const store = slowStore();
    const writer = new ProofWriter(store, { maxBatch: 2 });
    const writes = ["a", "b", "c"].map((id) => writer.write(proof(id)));
    await tick();
    store.finishNext();
    await tick();
    await tick();
    store.finishNext();
    await Promise.all(writes);
    expect(store.batches).toEqual([["a", "b"], ["c"]]);
  });
});
