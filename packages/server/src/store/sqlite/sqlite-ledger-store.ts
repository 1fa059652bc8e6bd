/**
 * The embedded ledger: one SQLite file through better-sqlite3, in WAL mode with
 * `synchronous=FULL`. WAL lets readers (exports, dashboard) run beside the writer; FULL fsyncs the
 * WAL at every commit, so a proof acknowledged after `append` resolves survives a power cut, not
 * only a process crash (NORMAL in WAL mode may lose the last commits on power loss). The fsync
 * cost is paid once per batch: callers group proofs into one `append`.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { chainBatch, type PreparedProof, prepareProofs } from "../../chain/chain-batch.ts";
import { type ChainPoint, type ChainRow, verifyChain } from "../../chain/verify-chain.ts";
import { newToken, tokenId, tokenMatches } from "../admin-tokens.ts";
import { ledgerError } from "../errors.ts";
import { ledgerStats } from "../ledger-stats.ts";
import type {
  AdminToken,
  AppendResult,
  LedgerStore,
  ProofInput,
  ProofQuery,
  StoredProof,
} from "../ledger-store.ts";
import {
  decodeCursor,
  encodeCursor,
  pageLimit,
  proofFilter,
  queryInstant,
  sqlParams,
  subjectClause,
  whereSql,
} from "../proof-filter.ts";
import { policyRevision, REVISION_FIELDS, type RevisionRow } from "../revision-row.ts";
import { type ProofRow, storedProof } from "../stored-proof.ts";
import { migrateSqlite } from "./migrations.ts";
import { subjectIndexBreak } from "./subject-index-check.ts";

/** Rows read per step when streaming or verifying: memory stays flat, the event loop breathes. */
const BATCH = 1000;

const PROOF_FIELDS = "seq, prev_hash, hash, content";
const CHAIN_FIELDS =
  "seq, prev_hash AS prevHash, hash, content, record_id AS recordId, subject_id AS subjectId, decided_at AS decidedAt, received_at AS receivedAt, method, revision, language";

export function sqliteLedgerStore(path: string): LedgerStore {
  let db: Database.Database;
  try {
    if (path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
    db = new Database(path);
  } catch (error) {
    throw ledgerError(
      "LEDGER_UNREACHABLE",
      `Cannot open the SQLite file ${path}: ${(error as Error).message}`,
    );
  }
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  // Another process (a CLI command beside the server) waits for the write lock instead of failing.
  db.pragma("busy_timeout = 5000");
  migrateSqlite(db);

  const chainState = db.prepare<
    [],
    { anchor_seq: number; anchor_hash: string; head_seq: number; head_hash: string }
  >("SELECT anchor_seq, anchor_hash, head_seq, head_hash FROM chain_state WHERE id = 1");
  const storedHash = db.prepare<[string], string>("SELECT hash FROM proofs WHERE record_id = ?").pluck();
  const insertProof = db.prepare(
    "INSERT INTO proofs (seq, record_id, subject_id, decided_at, received_at, method, revision, language, content, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const indexSubject = db.prepare("INSERT INTO proof_subjects (rowid, subject_id) VALUES (?, ?)");
  const setHead = db.prepare("UPDATE chain_state SET head_seq = ?, head_hash = ? WHERE id = 1");

  const state = () => {
    const row = chainState.get();
    if (row === undefined) throw new Error("chain_state row missing: the database was not migrated");
    return {
      anchor: { seq: row.anchor_seq, hash: row.anchor_hash },
      head: { seq: row.head_seq, hash: row.head_hash },
    };
  };

  const appendBatch = db.transaction((batch: readonly PreparedProof[]): AppendResult[] => {
    const chained = chainBatch(batch, state().head, (recordId) => storedHash.get(recordId));
    for (const { seq, columns, content, prevHash, hash } of chained.rows) {
      insertProof.run(
        seq,
        columns.recordId,
        columns.subjectId,
        columns.decidedAt,
        columns.receivedAt,
        columns.method,
        columns.revision,
        columns.language,
        content,
        prevHash,
        hash,
      );
      indexSubject.run(seq, columns.subjectId);
    }
    setHead.run(chained.head.seq, chained.head.hash);
    return chained.results;
  });

  async function* batches<Row>(
    sql: (afterParam: string) => string,
    values: readonly unknown[],
    seqOf: (row: Row) => number,
  ) {
    let after = 0;
    for (;;) {
      const rows = db.prepare(sql("?")).all(...values, after) as Row[];
      yield* rows;
      if (rows.length < BATCH) return;
      after = seqOf(rows[rows.length - 1] as Row);
    }
  }

  const store: LedgerStore = {
    kind: "sqlite",

    async append(proofs: readonly ProofInput[]) {
      return appendBatch.immediate(prepareProofs(proofs));
    },

    async publishRevision(revision) {
      db.prepare(
        "INSERT INTO policy_revisions (content_hash, revision, content, notice_hashes, published_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (content_hash) DO NOTHING",
      ).run(
        revision.contentHash,
        revision.revision,
        revision.content,
        JSON.stringify(revision.noticeHashes),
        new Date().toISOString(),
      );
      const stored = await store.revisionByHash(revision.contentHash);
      if (stored === undefined) throw new Error("policy revision vanished after insert");
      return stored;
    },

    async revisionByHash(contentHash) {
      const row = db
        .prepare<[string], RevisionRow>(
          `SELECT ${REVISION_FIELDS} FROM policy_revisions WHERE content_hash = ?`,
        )
        .get(contentHash);
      return row && policyRevision(row);
    },

    async revisionByNumber(revision) {
      const row = db
        .prepare<[number], RevisionRow>(
          `SELECT ${REVISION_FIELDS} FROM policy_revisions WHERE revision = ? ORDER BY id DESC LIMIT 1`,
        )
        .get(revision);
      return row && policyRevision(row);
    },

    async revisions() {
      return db
        .prepare<[], RevisionRow>(`SELECT ${REVISION_FIELDS} FROM policy_revisions ORDER BY id`)
        .all()
        .map(policyRevision);
    },

    async proof(recordId) {
      const row = db
        .prepare<[string], ProofRow>(`SELECT ${PROOF_FIELDS} FROM proofs WHERE record_id = ?`)
        .get(recordId);
      return row && storedProof(row);
    },

    async subjectHistory(subjectId) {
      const params = sqlParams("sqlite");
      const where = subjectClause("sqlite", params, subjectId);
      return db
        .prepare(`SELECT ${PROOF_FIELDS} FROM proofs WHERE ${where} ORDER BY seq`)
        .all(...params.values)
        .map((row) => storedProof(row as ProofRow));
    },

    async proofs(query: ProofQuery, page = {}) {
      const limit = pageLimit(page.limit);
      const params = sqlParams("sqlite");
      const where = proofFilter("sqlite", params, query);
      if (page.cursor !== undefined) where.push(`seq < ${params.add(decodeCursor(page.cursor))}`);
      const rows = db
        .prepare(
          `SELECT ${PROOF_FIELDS} FROM proofs ${whereSql(where)} ORDER BY seq DESC LIMIT ${params.add(limit + 1)}`,
        )
        .all(...params.values) as ProofRow[];
      const proofs = rows.slice(0, limit).map(storedProof);
      const last = proofs.at(-1);
      return { proofs, nextCursor: rows.length > limit && last ? encodeCursor(last.seq) : null };
    },

    async *streamProofs(query: ProofQuery): AsyncIterable<StoredProof> {
      const params = sqlParams("sqlite");
      const where = proofFilter("sqlite", params, query);
      const rows = batches<ProofRow>(
        (after) =>
          `SELECT ${PROOF_FIELDS} FROM proofs ${whereSql([...where, `seq > ${after}`])} ORDER BY seq LIMIT ${BATCH}`,
        params.values,
        (row) => Number(row.seq),
      );
      for await (const row of rows) yield storedProof(row);
    },

    async stats(query) {
      const params = sqlParams("sqlite");
      const where = whereSql(proofFilter("sqlite", params, { from: query.from, to: query.to }));
      const all = <Row>(sql: string) => db.prepare(sql).all(...params.values) as Row[];
      return ledgerStats({
        methodsPerDay: all(
          `SELECT substr(decided_at, 1, 10) AS day, method, COUNT(*) AS count FROM proofs ${where} GROUP BY day, method`,
        ),
        grantedPerDay: all(
          `SELECT substr(decided_at, 1, 10) AS day, c.key AS category, SUM(c.value) AS granted FROM proofs, json_each(proofs.content, '$.record.categories') AS c ${where} GROUP BY day, category`,
        ),
        languages: all(`SELECT language AS key, COUNT(*) AS count FROM proofs ${where} GROUP BY language`),
        revisions: all(`SELECT revision AS key, COUNT(*) AS count FROM proofs ${where} GROUP BY revision`),
      });
    },

    async verify() {
      const { anchor, head } = state();
      // Bounded by the head read now: proofs appended while verifying are checked next time.
      const rows = batches<ChainRow>(
        (after) =>
          `SELECT ${CHAIN_FIELDS} FROM proofs WHERE seq <= ? AND seq > ${after} ORDER BY seq LIMIT ${BATCH}`,
        [head.seq],
        (row) => row.seq,
      );
      const chain = await verifyChain(anchor, head, rows);
      if (chain.firstBreak !== undefined) return chain;
      const firstBreak = subjectIndexBreak(db, anchor.seq, head.seq);
      return firstBreak === undefined ? chain : { ...chain, firstBreak };
    },

    async chainAround(seq) {
      const around = db.transaction(() => {
        const { anchor, head } = state();
        const hashAt = db.prepare<[number], string>("SELECT hash FROM proofs WHERE seq = ?").pluck();
        const prevHashAt = db.prepare<[number], string>("SELECT prev_hash FROM proofs WHERE seq = ?").pluck();
        return { anchor, head, previousHash: hashAt.get(seq - 1), nextPrevHash: prevHashAt.get(seq + 1) };
      });
      return around();
    },

    async purge(before, options = {}) {
      const cutoff = queryInstant(before, "before");
      const purge = db.transaction(() => {
        // Only a prefix of the chain goes, so the anchor (the last purged hash) links to what stays.
        const firstKept = db
          .prepare<[string], number | null>("SELECT MIN(seq) FROM proofs WHERE received_at >= ?")
          .pluck()
          .get(cutoff);
        const last = db
          .prepare<[number], ChainPoint>(
            "SELECT seq, hash FROM proofs WHERE seq < ? ORDER BY seq DESC LIMIT 1",
          )
          .get(firstKept ?? Number.MAX_SAFE_INTEGER);
        if (last === undefined) return 0;
        const count =
          db.prepare<[number], number>("SELECT COUNT(*) FROM proofs WHERE seq <= ?").pluck().get(last.seq) ??
          0;
        if (!options.dryRun) {
          db.prepare("DELETE FROM proofs WHERE seq <= ?").run(last.seq);
          db.prepare("DELETE FROM proof_subjects WHERE rowid <= ?").run(last.seq);
          db.prepare("UPDATE chain_state SET anchor_seq = ?, anchor_hash = ? WHERE id = 1").run(
            last.seq,
            last.hash,
          );
        }
        return count;
      });
      return { count: purge.immediate() };
    },

    async createToken(name) {
      const created = newToken();
      const createdAt = new Date().toISOString();
      db.prepare("INSERT INTO admin_tokens (id, name, secret_hash, created_at) VALUES (?, ?, ?, ?)").run(
        created.id,
        name,
        created.secretHash,
        createdAt,
      );
      return { token: created.token, id: created.id, name, createdAt };
    },

    async checkToken(token): Promise<AdminToken | undefined> {
      const id = tokenId(token);
      if (id === undefined) return undefined;
      const row = db
        .prepare<[string], { id: string; name: string; secret_hash: string; created_at: string }>(
          "SELECT id, name, secret_hash, created_at FROM admin_tokens WHERE id = ?",
        )
        .get(id);
      if (row === undefined || !tokenMatches(token, row.secret_hash)) return undefined;
      return { id: row.id, name: row.name, createdAt: row.created_at };
    },

    async pseudonymKey(period) {
      db.prepare(
        "INSERT INTO pseudonym_keys (period, key, created_at) VALUES (?, ?, ?) ON CONFLICT (period) DO NOTHING",
      ).run(period, randomBytes(32), new Date().toISOString());
      const key = db
        .prepare<[string], Buffer>("SELECT key FROM pseudonym_keys WHERE period = ?")
        .pluck()
        .get(period);
      if (key === undefined) throw new Error("pseudonym key vanished after insert");
      return new Uint8Array(key);
    },

    async close() {
      db.close();
    },
  };
  return store;
}
