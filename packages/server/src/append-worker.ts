/**
 * The worker thread that appends proofs for `WorkerAppender`: its own connection to the ledger,
 * so that a commit waiting for the disk (better-sqlite3 is synchronous) does not stop the main
 * thread from reading and checking the next requests, which then join the next group commit.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { ProofInput } from "./store/ledger-store.ts";
import { openLedgerStore } from "./store/open-ledger-store.ts";

export interface AppendRequest {
  readonly id: number;
  readonly proofs?: readonly ProofInput[];
  readonly close?: true;
}

const port = parentPort;
if (port === null) throw new Error("append-worker.ts runs in a worker thread");
const store = await openLedgerStore((workerData as { url: string }).url);
port.on("message", async (request: AppendRequest) => {
  if (request.close) {
    await store.close();
    port.postMessage({ id: request.id, results: [] });
    return;
  }
  try {
    port.postMessage({ id: request.id, results: await store.append(request.proofs ?? []) });
  } catch (error) {
    port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});
port.postMessage({ ready: true });
