/**
 * Group commit: proofs wait in a queue and are appended together in one transaction, so one
 * durable commit (one fsync) acknowledges many requests. A commit starts as soon as the previous
 * one finishes (or, when idle, once the requests already read from the sockets have queued
 * theirs), never on a fixed timer: a 5 ms window would cap throughput at pending requests ÷ 5 ms
 * and add 5 ms to every answer. Each caller's promise resolves only after its commit did.
 */
import type { AppendResult, LedgerStore, ProofInput } from "./store/ledger-store.ts";

interface Pending {
  readonly proof: ProofInput;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

export interface ProofWriterOptions {
  /** Most proofs in one transaction (default 1000); more wait for the next commit. */
  readonly maxBatch?: number;
}

/** Where the proof intake hands each proof: in-process (`ProofWriter`) or on a worker thread. */
export interface ProofSink {
  /** Resolves once the proof is durable (or was already stored). */
  write(proof: ProofInput): Promise<AppendResult>;
  /** Resolves when every proof written so far has been committed (or failed). */
  flushed(): Promise<void>;
  /** Commits made and proofs they carried, for the benchmark and the logs. */
  readonly commits: number;
  readonly committed: number;
}

export class ProofWriter implements ProofSink {
  readonly #store: Pick<LedgerStore, "append">;
  readonly #maxBatch: number;
  #queue: Pending[] = [];
  #running = false;
  #idle: Promise<void> = Promise.resolve();
  commits = 0;
  committed = 0;

  constructor(store: Pick<LedgerStore, "append">, options: ProofWriterOptions = {}) {
    this.#store = store;
    this.#maxBatch = options.maxBatch ?? 1000;
  }

  write(proof: ProofInput): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ proof, resolve, reject });
      if (!this.#running) {
        this.#running = true;
        // setImmediate runs after the current I/O phase: every request already read joins this commit.
        this.#idle = new Promise((done) => setImmediate(() => this.#drain().then(done)));
      }
    });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.#maxBatch);
      try {
        const results = await this.#store.append(batch.map((pending) => pending.proof));
        this.commits += 1;
        this.committed += batch.length;
        batch.forEach((pending, index) => {
          const result = results[index];
          if (result) pending.resolve(result);
          else
            pending.reject(new Error(`the store returned no result for proof ${index} of ${batch.length}`));
        });
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
    this.#running = false;
  }

  flushed(): Promise<void> {
    return this.#idle;
  }
}
