/**
 * Appends proofs on a worker thread with its own connection to the ledger. For SQLite, whose
 * commits block the thread that runs them: with the commit on the worker, the main thread keeps
 * answering and checking requests during the fsync, and the group commit gets fuller batches.
 * Each batch is acknowledged only after the worker's transaction committed.
 */
import { Worker } from "node:worker_threads";
import type { AppendResult, LedgerStore, ProofInput } from "./store/ledger-store.ts";

type Reply = { id: number; results: AppendResult[] } | { id: number; error: string };

export interface WorkerAppender extends Pick<LedgerStore, "append"> {
  close(): Promise<void>;
}

export async function startWorkerAppender(url: string): Promise<WorkerAppender> {
  const worker = new Worker(new URL("./append-worker.mjs", import.meta.url), { workerData: { url } });
  const waiting = new Map<
    number,
    { resolve: (results: AppendResult[]) => void; reject: (error: Error) => void }
  >();
  let next = 0;
  let failure: Error | undefined;
  await new Promise<void>((resolve, reject) => {
    worker.once("message", () => resolve());
    worker.once("error", reject);
  });
  worker.on("message", (reply: Reply) => {
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if ("error" in reply) pending?.reject(new Error(`ledger append failed: ${reply.error}`));
    else pending?.resolve(reply.results);
  });
  const failAll = (error: Error) => {
    failure = error;
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };
  worker.on("error", failAll);
  worker.on("exit", (code) => failAll(new Error(`the append worker exited (code ${code})`)));
  const send = (message: { proofs?: readonly ProofInput[]; close?: true }) =>
    new Promise<AppendResult[]>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, ...message });
    });
  return {
    append: (proofs) => send({ proofs }),
    async close() {
      if (!failure) await send({ close: true });
      await worker.terminate();
    },
  };
}
