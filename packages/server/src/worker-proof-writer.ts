/**
 * The group commit on a worker thread, with its own connection to the ledger. Worth it for
 * SQLite, whose commits block the thread that runs them: the main thread keeps reading and
 * checking requests during the fsync. The proofs of each event-loop turn go to the worker in one
 * message at once, without waiting for the previous commit (as JSON text: a string crosses
 * threads far cheaper than a structured clone of the records); the worker's `ProofWriter` groups
 * them. Each proof is acknowledged only after the worker's transaction committed.
 */
import { Worker } from "node:worker_threads";
import type { ProofSink, ProofWriterOptions } from "./proof-writer.ts";
import type { AppendResult, ProofInput } from "./store/ledger-store.ts";
import type { WorkerReply, WorkerRequest } from "./worker-protocol.ts";

interface Waiting {
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: Error) => void;
}

export class WorkerProofWriter implements ProofSink {
  readonly #worker: Worker;
  /** Per message id, the callers of its proofs, in order. */
  readonly #waiting = new Map<number, readonly Waiting[]>();
  #turn: { proofs: ProofInput[]; callers: Waiting[] } | undefined;
  #nextId = 0;
  #failure: Error | undefined;
  #drained: (() => void)[] = [];
  commits = 0;
  committed = 0;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on("message", (reply: WorkerReply) => this.#receive(reply));
    worker.on("error", (error) => this.#failAll(error));
    worker.on("exit", (code) => this.#failAll(new Error(`the proof-writer worker exited (code ${code})`)));
  }

  /** Starts the worker on the ledger at `url` and resolves once its store is open. */
  static async start(url: string, options: ProofWriterOptions = {}): Promise<WorkerProofWriter> {
    const worker = new Worker(new URL("./proof-writer-worker.mjs", import.meta.url), {
      workerData: { url, ...options },
    });
    await new Promise<void>((resolve, reject) => {
      worker.once("message", () => resolve());
      worker.once("error", reject);
    });
    return new WorkerProofWriter(worker);
  }

  write(proof: ProofInput): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      if (this.#failure) return reject(this.#failure);
      if (this.#turn === undefined) {
        this.#turn = { proofs: [], callers: [] };
        // setImmediate runs after the current I/O phase: every request already read joins this message.
        setImmediate(() => this.#handOver());
      }
      this.#turn.proofs.push(proof);
      this.#turn.callers.push({ resolve, reject });
    });
  }

  #handOver(): void {
    const turn = this.#turn;
    this.#turn = undefined;
    if (turn === undefined) return;
    if (this.#failure) {
      for (const caller of turn.callers) caller.reject(this.#failure);
      return;
    }
    const id = this.#nextId++;
    this.#waiting.set(id, turn.callers);
    this.#post({ id, proofs: JSON.stringify(turn.proofs) });
  }

  #post(request: WorkerRequest): void {
    this.#worker.postMessage(request);
  }

  #receive(reply: WorkerReply): void {
    if ("ready" in reply) return;
    this.commits = reply.commits;
    this.committed = reply.committed;
    const callers = this.#waiting.get(reply.id) ?? [];
    this.#waiting.delete(reply.id);
    reply.outcomes.forEach((outcome, index) => {
      const caller = callers[index];
      if (caller === undefined) return;
      if ("result" in outcome) caller.resolve(outcome.result);
      else caller.reject(new Error(`ledger append failed: ${outcome.error}`));
    });
    this.#settleIfIdle();
  }

  #failAll(error: Error): void {
    this.#failure ??= error;
    for (const callers of this.#waiting.values()) for (const caller of callers) caller.reject(error);
    this.#waiting.clear();
    this.#settleIfIdle();
  }

  #settleIfIdle(): void {
    if (this.#waiting.size > 0 || this.#turn !== undefined) return;
    for (const done of this.#drained.splice(0)) done();
  }

  flushed(): Promise<void> {
    return new Promise((resolve) => {
      this.#drained.push(resolve);
      this.#settleIfIdle();
    });
  }

  /** Commits what is pending, closes the worker's store and stops the worker. */
  async close(): Promise<void> {
    await this.flushed();
    if (!this.#failure) {
      const id = this.#nextId++;
      await new Promise<void>((resolve) => {
        this.#waiting.set(id, []);
        this.#drained.push(resolve);
        this.#post({ id, close: true });
      });
    }
    await this.#worker.terminate();
  }
}
