/**
 * The SQLite schema, as numbered migrations applied in order on open and recorded in
 * `schema_migrations`. Never edit a released migration: add the next one.
 */
import type Database from "better-sqlite3";
import { ledgerError } from "../errors.ts";

export const SQLITE_MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: "ledger",
    sql: `
      CREATE TABLE proofs (
        seq INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL UNIQUE,
        subject_id TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        received_at TEXT NOT NULL,
        method TEXT NOT NULL,
        revision INTEGER NOT NULL,
        language TEXT NOT NULL,
        content TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX proofs_subject ON proofs (subject_id, seq);
      CREATE INDEX proofs_decided ON proofs (decided_at);
      CREATE INDEX proofs_received ON proofs (received_at);
      -- One row: the anchor (last purged proof, or genesis) and the head (last appended proof).
      CREATE TABLE chain_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        anchor_seq INTEGER NOT NULL,
        anchor_hash TEXT NOT NULL,
        head_seq INTEGER NOT NULL,
        head_hash TEXT NOT NULL
      );
      INSERT INTO chain_state VALUES (1, 0, '${"0".repeat(64)}', 0, '${"0".repeat(64)}');
      CREATE TABLE policy_revisions (
        id INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        revision INTEGER NOT NULL,
        content TEXT NOT NULL,
        notice_hashes TEXT NOT NULL,
        published_at TEXT NOT NULL
      );
      CREATE INDEX policy_revisions_number ON policy_revisions (revision, id);
      CREATE TABLE admin_tokens (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        secret_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE pseudonym_keys (
        period TEXT PRIMARY KEY,
        key BLOB NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: "subject full-text index",
    // The subject index leaves the B-tree: subject ids are random, so each proof's entry landed on
    // a random page of it and every group commit wrote about one index page per proof to the WAL
    // (in a ledger of 300,000 proofs, a commit of 24 took 1.6 ms with it and 0.8 ms with this).
    // FTS5 keeps its index as sorted segments: each commit writes one small segment at the end and
    // merges run a few pages at a time. Contentless (the ids stay in `proofs` only), rowids
    // only (detail=none), one token per UUID (`-` is a token character). Lookups re-check
    // `subject_id` exactly: the tokenizer folds case (proof-filter.ts `subjectClause`).
    sql: `
      CREATE VIRTUAL TABLE proof_subjects USING fts5(
        subject_id, content = '', contentless_delete = 1, detail = none, tokenize = "ascii tokenchars '-'"
      );
      INSERT INTO proof_subjects (rowid, subject_id) SELECT seq, subject_id FROM proofs;
      DROP INDEX proofs_subject;
    `,
  },
];

export function migrateSqlite(db: Database.Database): void {
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
  );
  const migrate = db.transaction(() => {
    const applied = db.prepare<[], { version: number }>("SELECT version FROM schema_migrations").all();
    const known = new Set(SQLITE_MIGRATIONS.map((migration) => migration.version));
    const newer = applied.find((row) => !known.has(row.version));
    if (newer !== undefined)
      throw ledgerError(
        "LEDGER_SCHEMA_NEWER",
        `The database has migration ${newer.version}, unknown to this version.`,
      );
    const done = new Set(applied.map((row) => row.version));
    for (const migration of SQLITE_MIGRATIONS) {
      if (done.has(migration.version)) continue;
      db.exec(migration.sql);
      db.prepare("INSERT INTO schema_migrations VALUES (?, ?, ?)").run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    }
  });
  // IMMEDIATE: two processes opening the same new file do not both migrate it.
  migrate.immediate();
}
