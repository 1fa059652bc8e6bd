/**
 * The ledger on PostgreSQL, for several server instances on one database. Appends hold the lock
 * of the single chain_state row while they insert and commit, so the chain stays one gapless
 * sequence whatever the number of writers; a batch is one transaction and one multi-row INSERT
 * (proof-appender.ts). Exports and verify read through a server-side cursor (pg-cursor) in
 * batches, so memory stays flat.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { prepareProofs } from "../../chain/chain-batch.ts";
import { type ChainPoint, type ChainRow, verifyChain } from "../../chain/verify-chain.ts";
import { newToken, tokenId, tokenMatches } from "../admin-tokens.ts";
import { ledgerError, redactedUrl } from "../errors.ts";
import { ledgerStats } from "../ledger-stats.ts";
import type { AdminToken, LedgerStore, ProofInput, ProofQuery, StoredProof } from "../ledger-store.ts";
import {
  decodeCursor,
  encodeCursor,
  pageLimit,
  proofFilter,
  queryInstant,
  sqlParams,
  whereSql,
} from "../proof-filter.ts";
import { policyRevision, REVISION_FIELDS, type RevisionRow } from "../revision-row.ts";
import { type ProofRow, storedProof } from "../stored-proof.ts";
import { postgresConnection } from "./connection.ts";
import { migratePostgres } from "./migrations.ts";
import { PostgresProofAppender } from "./proof-appender.ts";
import { cursorRows, numberedRows, transaction } from "./sessions.ts";

const PROOF_FIELDS = "seq, prev_hash, hash, content";
const CHAIN_FIELDS = `seq, prev_hash AS "prevHash", hash, content, record_id AS "recordId", subject_id AS "subjectId", decided_at AS "decidedAt", received_at AS "receivedAt", method, revision, language`;

interface ChainState {
  anchor: ChainPoint;
  head: ChainPoint;
}

async function chainState(client: pg.PoolClient | pg.Pool, lock = false): Promise<ChainState> {
  const { rows } = await client.query<{
    anchor_seq: string;
    anchor_hash: string;
    head_seq: string;
    head_hash: string;
  }>(
    `SELECT anchor_seq, anchor_hash, head_seq, head_hash FROM chain_state WHERE id = 1${lock ? " FOR UPDATE" : ""}`,
  );
  const row = rows[0];
  if (row === undefined) throw new Error("chain_state row missing: the database was not migrated");
  return {
    anchor: { seq: Number(row.anchor_seq), hash: row.anchor_hash },
    head: { seq: Number(row.head_seq), hash: row.head_hash },
  };
}

export async function openPostgresLedgerStore(url: string): Promise<LedgerStore> {
  const connection = postgresConnection(url);
  const pool = new pg.Pool(connection.pool);
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on("error", () => {});
  try {
    const client = await pool.connect().catch((error: Error) => {
      throw ledgerError("LEDGER_UNREACHABLE", `Cannot connect to ${redactedUrl(url)}: ${error.message}`);
    });
    try {
      await migratePostgres(client, connection.schema);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }

  const appender = new PostgresProofAppender(pool);
  const store: LedgerStore = {
    kind: "postgres",

    async append(proofs: readonly ProofInput[]) {
      return appender.append(prepareProofs(proofs));
    },

    async publishRevision(revision) {
      await pool.query(
        "INSERT INTO policy_revisions (content_hash, revision, content, notice_hashes, published_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (content_hash) DO NOTHING",
        [
          revision.contentHash,
          revision.revision,
          revision.content,
          JSON.stringify(revision.noticeHashes),
          new Date().toISOString(),
        ],
      );
      const stored = await store.revisionByHash(revision.contentHash);
      if (stored === undefined) throw new Error("policy revision vanished after insert");
      return stored;
    },

    async revisionByHash(contentHash) {
      const { rows } = await pool.query<RevisionRow>(
        `SELECT ${REVISION_FIELDS} FROM policy_revisions WHERE content_hash = $1`,
        [contentHash],
      );
      return rows[0] && policyRevision(rows[0]);
    },

    async revisionByNumber(revision) {
      const { rows } = await pool.query<RevisionRow>(
        `SELECT ${REVISION_FIELDS} FROM policy_revisions WHERE revision = $1 ORDER BY id DESC LIMIT 1`,
        [revision],
      );
      return rows[0] && policyRevision(rows[0]);
    },

    async revisions() {
      const { rows } = await pool.query<RevisionRow>(
        `SELECT ${REVISION_FIELDS} FROM policy_revisions ORDER BY id`,
      );
      return rows.map(policyRevision);
    },

    async proof(recordId) {
      const { rows } = await pool.query<ProofRow>(`SELECT ${PROOF_FIELDS} FROM proofs WHERE record_id = $1`, [
        recordId,
      ]);
      return rows[0] && storedProof(rows[0]);
    },

    async subjectHistory(subjectId) {
      const { rows } = await pool.query<ProofRow>(
        `SELECT ${PROOF_FIELDS} FROM proofs WHERE subject_id = $1 ORDER BY seq`,
        [subjectId],
      );
      return rows.map(storedProof);
    },

    async proofs(query: ProofQuery, page = {}) {
      const limit = pageLimit(page.limit);
      const params = sqlParams("postgres");
      const where = proofFilter("postgres", params, query);
      if (page.cursor !== undefined) where.push(`seq < ${params.add(decodeCursor(page.cursor))}`);
      const { rows } = await pool.query<ProofRow>(
        `SELECT ${PROOF_FIELDS} FROM proofs ${whereSql(where)} ORDER BY seq DESC LIMIT ${params.add(limit + 1)}`,
        params.values,
      );
      const proofs = rows.slice(0, limit).map(storedProof);
      const last = proofs.at(-1);
      return { proofs, nextCursor: rows.length > limit && last ? encodeCursor(last.seq) : null };
    },

    async *streamProofs(query: ProofQuery): AsyncIterable<StoredProof> {
      const params = sqlParams("postgres");
      const where = whereSql(proofFilter("postgres", params, query));
      const client = await pool.connect();
      try {
        for await (const row of cursorRows<ProofRow>(
          client,
          `SELECT ${PROOF_FIELDS} FROM proofs ${where} ORDER BY seq`,
          params.values,
        )) {
          yield storedProof(row);
        }
      } finally {
        client.release();
      }
    },

    async stats(query) {
      const params = sqlParams("postgres");
      const where = whereSql(proofFilter("postgres", params, { from: query.from, to: query.to }));
      const all = async <Row extends pg.QueryResultRow>(sql: string) =>
        (await pool.query<Row>(sql, params.values)).rows;
      const [methodsPerDay, grantedPerDay, languages, revisions] = await Promise.all([
        all<{ day: string; method: string; count: string }>(
          `SELECT substr(decided_at, 1, 10) AS day, method, COUNT(*) AS count FROM proofs ${where} GROUP BY 1, 2`,
        ),
        all<{ day: string; category: string; granted: string }>(
          `SELECT substr(decided_at, 1, 10) AS day, c.key AS category, SUM(CASE WHEN c.value = 'true'::jsonb THEN 1 ELSE 0 END) AS granted
           FROM proofs, jsonb_each(proofs.content::jsonb -> 'record' -> 'categories') AS c ${where} GROUP BY 1, 2`,
        ),
        all<{ key: string; count: string }>(
          `SELECT language AS key, COUNT(*) AS count FROM proofs ${where} GROUP BY 1`,
        ),
        all<{ key: number; count: string }>(
          `SELECT revision AS key, COUNT(*) AS count FROM proofs ${where} GROUP BY 1`,
        ),
      ]);
      return ledgerStats({ methodsPerDay, grantedPerDay, languages, revisions });
    },

    async verify() {
      // One snapshot: the chain state and the rows it describes, whatever is appended or purged meanwhile.
      const client = await pool.connect();
      try {
        await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        const { anchor, head } = await chainState(client);
        const rows = cursorRows<ChainRow & { seq: string }>(
          client,
          `SELECT ${CHAIN_FIELDS} FROM proofs ORDER BY seq`,
          [],
        );
        const result = await verifyChain(anchor, head, numberedRows(rows));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },

    async chainAround(seq) {
      // One statement, one snapshot: the chain state and both neighbours.
      const { rows } = await pool.query<{
        anchor_seq: string;
        anchor_hash: string;
        head_seq: string;
        head_hash: string;
        previous_hash: string | null;
        next_prev_hash: string | null;
      }>(
        `SELECT anchor_seq, anchor_hash, head_seq, head_hash,
           (SELECT hash FROM proofs WHERE seq = $1::bigint - 1) AS previous_hash,
           (SELECT prev_hash FROM proofs WHERE seq = $1::bigint + 1) AS next_prev_hash
         FROM chain_state WHERE id = 1`,
        [seq],
      );
      const row = rows[0];
      if (row === undefined) throw new Error("chain_state row missing: the database was not migrated");
      return {
        anchor: { seq: Number(row.anchor_seq), hash: row.anchor_hash },
        head: { seq: Number(row.head_seq), hash: row.head_hash },
        previousHash: row.previous_hash ?? undefined,
        nextPrevHash: row.next_prev_hash ?? undefined,
      };
    },

    async purge(before, options = {}) {
      const cutoff = queryInstant(before, "before");
      const count = await transaction(pool, async (client) => {
        // Locks the chain: appends wait, so the anchor is the hash of the proof right before what stays.
        await chainState(client, true);
        const { rows } = await client.query<{ seq: string; hash: string; count: string }>(
          `SELECT seq, hash, (SELECT COUNT(*) FROM proofs p WHERE p.seq <= last.seq) AS count
           FROM (SELECT seq, hash FROM proofs
                 WHERE seq < COALESCE((SELECT MIN(seq) FROM proofs WHERE received_at >= $1), 9223372036854775807)
                 ORDER BY seq DESC LIMIT 1) AS last`,
          [cutoff],
        );
        const last = rows[0];
        if (last === undefined) return 0;
        if (!options.dryRun) {
          await client.query("DELETE FROM proofs WHERE seq <= $1", [last.seq]);
          await client.query("UPDATE chain_state SET anchor_seq = $1, anchor_hash = $2 WHERE id = 1", [
            last.seq,
            last.hash,
          ]);
        }
        return Number(last.count);
      });
      return { count };
    },

    async createToken(name) {
      const created = newToken();
      const createdAt = new Date().toISOString();
      await pool.query(
        "INSERT INTO admin_tokens (id, name, secret_hash, created_at) VALUES ($1, $2, $3, $4)",
        [created.id, name, created.secretHash, createdAt],
      );
      return { token: created.token, id: created.id, name, createdAt };
    },

    async checkToken(token): Promise<AdminToken | undefined> {
      const id = tokenId(token);
      if (id === undefined) return undefined;
      const { rows } = await pool.query<{
        id: string;
        name: string;
        secret_hash: string;
        created_at: string;
      }>("SELECT id, name, secret_hash, created_at FROM admin_tokens WHERE id = $1", [id]);
      const row = rows[0];
      if (row === undefined || !tokenMatches(token, row.secret_hash)) return undefined;
      return { id: row.id, name: row.name, createdAt: row.created_at };
    },

    async pseudonymKey(period) {
      await pool.query(
        "INSERT INTO pseudonym_keys (period, key, created_at) VALUES ($1, $2, $3) ON CONFLICT (period) DO NOTHING",
        [period, randomBytes(32), new Date().toISOString()],
      );
      const { rows } = await pool.query<{ key: Buffer }>("SELECT key FROM pseudonym_keys WHERE period = $1", [
        period,
      ]);
      const key = rows[0]?.key;
      if (key === undefined) throw new Error("pseudonym key vanished after insert");
      return new Uint8Array(key);
    },

    async close() {
      await appender.close();
      await pool.end();
    },
  };
  return store;
}
