/**
 * The ledger's storage contract, implemented once for SQLite (the embedded default) and once for
 * PostgreSQL. The HTTP server, the admin dashboard and the CLI only ever talk to this interface;
 * the same adapter test suite runs against both implementations.
 *
 * Proofs are append-only and hash-chained: `hash = sha256(prevHash + canonical content)`, in `seq`
 * order. Purging the oldest proofs keeps the chain verifiable through the stored anchor (the hash
 * of the last purged proof).
 */
import type { ConsentRecord, DecisionMethod } from "@macaron/core";
import type { ChainPoint } from "../chain/verify-chain.ts";

/** A policy revision as it was published: exactly what the SDK was served. */
export interface PolicyRevision {
  /** The configuration's `revision` number. */
  readonly revision: number;
  /** SHA-256 hex of `content`: what each proof points to. */
  readonly contentHash: string;
  /** The canonical JSON served to the SDK for this revision (texts, categories, cookie list). */
  readonly content: string;
  /** Language → notice hash of the texts shown in that language. */
  readonly noticeHashes: Readonly<Record<string, string>>;
  /** When this content was first published (ISO 8601). */
  readonly publishedAt: string;
}

export interface NewPolicyRevision {
  readonly revision: number;
  readonly contentHash: string;
  readonly content: string;
  readonly noticeHashes: Readonly<Record<string, string>>;
}

/** What the server adds to the visitor's record before it is stored. */
export interface ProofInput {
  readonly record: ConsentRecord;
  /** Server time of receipt (ISO 8601). */
  readonly receivedAt: string;
  /** `contentHash` of the policy revision the record refers to. */
  readonly policyHash: string;
  /** Keyed hash of the client IP, never the IP itself; null when unknown. */
  readonly ipHash: string | null;
  readonly userAgent: string | null;
}

export interface StoredProof extends ProofInput {
  /** Position in the chain, from 1, gapless until a purge. */
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

export interface AppendResult {
  readonly recordId: string;
  readonly hash: string;
  /** True when this record id was already stored: nothing was written. */
  readonly duplicate: boolean;
}

export interface ProofQuery {
  /** Inclusive lower bound on `decidedAt` (ISO 8601 date or date-time). */
  readonly from?: string;
  /** Exclusive upper bound on `decidedAt`. */
  readonly to?: string;
  /** Only records that decided on this category… */
  readonly category?: string;
  /** …with this choice (default: any choice). */
  readonly granted?: boolean;
  readonly method?: DecisionMethod;
  readonly revision?: number;
  readonly language?: string;
  /** A record id or a subject id. */
  readonly consentId?: string;
}

export interface ProofPage {
  readonly proofs: readonly StoredProof[];
  /** Opaque; pass it back to get the next page. Null on the last page. */
  readonly nextCursor: string | null;
}

export interface DailyStats {
  /** UTC day, YYYY-MM-DD. */
  readonly day: string;
  readonly decisions: number;
  readonly methods: Readonly<Partial<Record<DecisionMethod, number>>>;
  /** Category → decisions that granted it. Acceptance rate = granted[c] / decisions. */
  readonly granted: Readonly<Record<string, number>>;
}

export interface LedgerStats {
  readonly days: readonly DailyStats[];
  readonly decisions: number;
  readonly methods: Readonly<Partial<Record<DecisionMethod, number>>>;
  readonly granted: Readonly<Record<string, number>>;
  readonly byLanguage: Readonly<Record<string, number>>;
  readonly byRevision: Readonly<Record<string, number>>;
}

export interface ChainBreak {
  readonly seq: number;
  readonly recordId: string;
  readonly reason: string;
}

export interface VerifyResult {
  readonly checked: number;
  /** The first proof whose hash or link does not verify; absent when the chain is intact. */
  readonly firstBreak?: ChainBreak;
}

/** The chain around one proof, what its two links are checked against. */
export interface ChainSurroundings {
  /** The last purged proof (seq 0 and the genesis hash when nothing was purged). */
  readonly anchor: ChainPoint;
  /** The last appended proof. */
  readonly head: ChainPoint;
  /** The hash of the proof right before, when it is stored (not when it is the anchor or gone). */
  readonly previousHash: string | undefined;
  /** The `prevHash` of the proof right after, when it is stored. */
  readonly nextPrevHash: string | undefined;
}

export interface AdminToken {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface LedgerStore {
  readonly kind: "sqlite" | "postgres";
  /** Appends in one transaction, in order; durable when the promise resolves. Idempotent by record id. */
  append(proofs: readonly ProofInput[]): Promise<AppendResult[]>;
  /** Stores a revision if its content hash is new; returns the stored one either way. */
  publishRevision(revision: NewPolicyRevision): Promise<PolicyRevision>;
  revisionByHash(contentHash: string): Promise<PolicyRevision | undefined>;
  /** The latest published content for this revision number. */
  revisionByNumber(revision: number): Promise<PolicyRevision | undefined>;
  /** Every published revision, oldest first. */
  revisions(): Promise<PolicyRevision[]>;
  proof(recordId: string): Promise<StoredProof | undefined>;
  /** A subject's own decisions, oldest first. */
  subjectHistory(subjectId: string): Promise<StoredProof[]>;
  /** Newest first, at most `limit` (default 50, max 500) per page. */
  proofs(query: ProofQuery, page?: { cursor?: string; limit?: number }): Promise<ProofPage>;
  /** Every matching proof in chain order, read in batches: memory stays flat. */
  streamProofs(query: ProofQuery): AsyncIterable<StoredProof>;
  stats(query: Pick<ProofQuery, "from" | "to">): Promise<LedgerStats>;
  /** Recomputes every hash and link from the anchor onwards. */
  verify(): Promise<VerifyResult>;
  /** The neighbours' hashes of the proof at `seq`, and the chain's anchor and head, read together. */
  chainAround(seq: number): Promise<ChainSurroundings>;
  /** Deletes proofs received before `before`; the dry run only counts them. */
  purge(before: string, options?: { dryRun?: boolean }): Promise<{ count: number }>;
  /** Creates an admin token; only its hash is stored. The token is returned once. */
  createToken(name: string): Promise<{ token: string } & AdminToken>;
  /** The token's identity when valid. */
  checkToken(token: string): Promise<AdminToken | undefined>;
  /** The random key for pseudonymising IPs in `period` (e.g. a month); created on first use. */
  pseudonymKey(period: string): Promise<Uint8Array>;
  close(): Promise<void>;
}
