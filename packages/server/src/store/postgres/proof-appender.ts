/**
 * Appends proofs to the PostgreSQL ledger on a connection kept for it. Under load every round
 * trip waits for a busy event loop and for a core shared with the HTTP server, so an append takes
 * as few as it can:
 * - usually one: a single statement, its own transaction, that moves the chain head from the
 *   head this appender last wrote and inserts the rows, only if the head is still that one and
 *   none of the record ids is stored (else it changes nothing);
 * - when it changed nothing (another instance appended, a record was already stored) or the head
 *   is not known yet: a transaction that locks the head row (`FOR UPDATE`, which also finds the
 *   stored record ids), inserts, moves the head and commits.
 * Appends run one at a time; any failure drops the connection (and with it whatever transaction
 * was open) and the remembered head, and the next append starts afresh.
 *
 * The single statement is prepared once per connection and runs on its generic plan: planning it
 * afresh with each batch's values inlined (a custom plan copies every proof's content through the
 * planner) cost the backend about a third of its CPU per append. A generic plan is made once, when
 * the table may still be empty, and kept for the connection's life; so that it cannot be a
 * sequential scan of `proofs` for the duplicate check (right for an empty table, ruinous at a
 * million rows), this connection also has sequential scans disabled: every statement on it looks
 * rows up by a unique key.
 */
import type pg from "pg";
import { type ChainedProof, chainBatch, type PreparedProof } from "../../chain/chain-batch.ts";
import type { ChainPoint } from "../../chain/verify-chain.ts";
import type { AppendResult } from "../ledger-store.ts";

const PROOF_COLUMNS =
  "seq, record_id, subject_id, decided_at, received_at, method, revision, language, content, prev_hash, hash";
const ROWS =
  "unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[])";

const LOCK_HEAD_AND_FIND_STORED = `
  SELECT c.head_seq, c.head_hash,
    (SELECT coalesce(json_agg(json_build_array(p.record_id, p.hash)), '[]'::json)
       FROM proofs p WHERE p.record_id = ANY($1::text[])) AS stored
  FROM chain_state c WHERE c.id = 1 FOR UPDATE`;

const INSERT_AND_MOVE_HEAD = `
  WITH inserted AS (INSERT INTO proofs (${PROOF_COLUMNS}) SELECT * FROM ${ROWS} RETURNING 1)
  UPDATE chain_state SET head_seq = $12, head_hash = $13 WHERE id = 1`;

/** Moves the head from $14/$15 and inserts, or does nothing at all; answers how many rows it inserted. */
const INSERT_IF_HEAD_UNMOVED = `
  WITH moved AS (
    UPDATE chain_state SET head_seq = $12, head_hash = $13
    WHERE id = 1 AND head_seq = $14 AND head_hash = $15
      AND NOT EXISTS (SELECT 1 FROM proofs WHERE record_id = ANY($2::text[]))
    RETURNING 1),
  inserted AS (
    INSERT INTO proofs (${PROOF_COLUMNS}) SELECT * FROM ${ROWS} WHERE EXISTS (SELECT 1 FROM moved)
    RETURNING 1)
  SELECT count(*)::int AS appended FROM inserted`;

const APPEND_STATEMENT = "macaron_append_if_head_unmoved";
const CONNECTION_SETTINGS = "SET plan_cache_mode = force_generic_plan; SET enable_seqscan = off";

const UNIQUE_VIOLATION = "23505";

interface HeadRow {
  readonly head_seq: string;
  readonly head_hash: string;
  readonly stored: readonly (readonly [string, string])[];
}

/** The rows column by column, as `ROWS` reads them. */
function unnestColumns(rows: readonly ChainedProof[]): unknown[][] {
  return [
    rows.map((row) => row.seq),
    rows.map((row) => row.columns.recordId),
    rows.map((row) => row.columns.subjectId),
    rows.map((row) => row.columns.decidedAt),
    rows.map((row) => row.columns.receivedAt),
    rows.map((row) => row.columns.method),
    rows.map((row) => row.columns.revision),
    rows.map((row) => row.columns.language),
    rows.map((row) => row.content),
    rows.map((row) => row.prevHash),
    rows.map((row) => row.hash),
  ];
}

export class PostgresProofAppender {
  readonly #pool: pg.Pool;
  #client: Promise<pg.PoolClient> | undefined;
  /** The head as this appender's last commit left it; undefined until known. */
  #head: ChainPoint | undefined;
  #previous: Promise<unknown> = Promise.resolve();

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /** Appends in call order: each call waits for the previous one to finish. */
  append(batch: readonly PreparedProof[]): Promise<AppendResult[]> {
    const run = this.#previous.then(
      () => this.#append(batch),
      () => this.#append(batch),
    );
    this.#previous = run.catch(() => {});
    return run;
  }

  async #append(batch: readonly PreparedProof[]): Promise<AppendResult[]> {
    if (batch.length === 0) return [];
    this.#client ??= this.#connect();
    const client = await this.#client.catch((error: unknown) => {
      this.#client = undefined;
      throw error;
    });
    try {
      return (await this.#onRememberedHead(client, batch)) ?? (await this.#underLock(client, batch));
    } catch (error) {
      this.#client = undefined;
      this.#head = undefined;
      client.release(true);
      throw error;
    }
  }

  async #connect(): Promise<pg.PoolClient> {
    const client = await this.#pool.connect();
    try {
      await client.query(CONNECTION_SETTINGS);
    } catch (error) {
      client.release(true);
      throw error;
    }
    return client;
  }

  /** One round trip; undefined when the head moved or a record was already stored (nothing written). */
  async #onRememberedHead(
    client: pg.PoolClient,
    batch: readonly PreparedProof[],
  ): Promise<AppendResult[] | undefined> {
    const head = this.#head;
    if (head === undefined) return undefined;
    const chained = chainBatch(batch, head, () => undefined);
    let appended: number | undefined;
    try {
      const { rows } = await client.query<{ appended: number }>({
        name: APPEND_STATEMENT,
        text: INSERT_IF_HEAD_UNMOVED,
        values: [...unnestColumns(chained.rows), chained.head.seq, chained.head.hash, head.seq, head.hash],
      });
      appended = rows[0]?.appended;
    } catch (error) {
      // A record id stored meanwhile by another instance: the unique index refused the rows.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return undefined;
      throw error;
    }
    if (appended === 0) return undefined;
    if (appended !== chained.rows.length)
      throw new Error(
        `appended ${appended} proofs of ${chained.rows.length}: the chain head moved under the append`,
      );
    this.#head = chained.head;
    return chained.results;
  }

  /** Holding the head's row lock: BEGIN, lock and find, insert and move, COMMIT. */
  async #underLock(client: pg.PoolClient, batch: readonly PreparedProof[]): Promise<AppendResult[]> {
    await client.query("BEGIN");
    const ids = batch.map((proof) => proof.columns.recordId);
    const { rows } = await client.query<HeadRow>(LOCK_HEAD_AND_FIND_STORED, [ids]);
    const row = rows[0];
    if (row === undefined) throw new Error("chain_state row missing: the database was not migrated");
    const head = { seq: Number(row.head_seq), hash: row.head_hash };
    const stored = new Map(row.stored);
    const chained = chainBatch(batch, head, (recordId) => stored.get(recordId));
    if (chained.rows.length > 0)
      await client.query(INSERT_AND_MOVE_HEAD, [
        ...unnestColumns(chained.rows),
        chained.head.seq,
        chained.head.hash,
      ]);
    await client.query("COMMIT");
    this.#head = chained.head;
    return chained.results;
  }

  /** Closes the kept connection (its settings are this appender's, not for the pool's other users). */
  async close(): Promise<void> {
    await this.#previous;
    const client = await this.#client?.catch(() => undefined);
    this.#client = undefined;
    client?.release(true);
  }
}
