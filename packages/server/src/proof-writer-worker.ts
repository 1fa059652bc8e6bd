/**
 * The worker thread behind `WorkerProofWriter`: its own connection to the ledger and its own
 * `ProofWriter`. While a commit blocks this thread (better-sqlite3 is synchronous), the main
 * thread's next messages queue up; once it ends they are all read in one event-loop turn, so the
 * next group commit carries them all and starts without a round trip to the main thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ProofWriter } from "./proof-writer.ts";
import type { ProofInput } from "./store/ledger-store.ts";
import { openLedgerStore } from "./store/open-ledger-store.ts";
import type { ProofOutcome, WorkerReply, WorkerRequest } from "./worker-protocol.ts";

const port = parentPort;
if (port === null) throw new Error("proof-writer-worker.ts runs in a worker thread");
const { url, maxBatch } = workerData as { url: string; maxBatch?: number };
const store = await openLedgerStore(url);
const writer = new ProofWriter(store, maxBatch === undefined ? {} : { maxBatch });

const reply = (message: WorkerReply) => port.postMessage(message);

function outcome(proof: ProofInput): Promise<ProofOutcome> {
  return writer.write(proof).then(
    (result) => ({ result }),
    (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
  );
}

port.on("message", async (request: WorkerRequest) => {
  if ("close" in request) {
    await writer.flushed();
    await store.close();
    reply({ id: request.id, outcomes: [], commits: writer.commits, committed: writer.committed });
    return;
  }
  const proofs = JSON.parse(request.proofs) as ProofInput[];
  const outcomes = await Promise.all(proofs.map(outcome));
  reply({ id: request.id, outcomes, commits: writer.commits, committed: writer.committed });
});
reply({ ready: true });
