/** The messages between `WorkerProofWriter` (main thread) and `proof-writer-worker.ts`. */
import type { AppendResult } from "./store/ledger-store.ts";

export type WorkerRequest =
  /** The proofs of one event-loop turn, as the JSON text of a `ProofInput[]`. */
  | { readonly id: number; readonly proofs: string }
  /** Commit what is pending, close the store, answer. */
  | { readonly id: number; readonly close: true };

export type ProofOutcome = { readonly result: AppendResult } | { readonly error: string };

export type WorkerReply =
  | { readonly ready: true }
  /** One outcome per proof of the request, in its order; the worker's commit counters so far. */
  | {
      readonly id: number;
      readonly outcomes: readonly ProofOutcome[];
      readonly commits: number;
      readonly committed: number;
    };
