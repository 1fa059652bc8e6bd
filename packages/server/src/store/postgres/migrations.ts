/**
 * The PostgreSQL schema, as numbered migrations applied in order on open and recorded in
 * `schema_migrations`, under an advisory lock so several server instances starting together
 * migrate once. Never edit a released migration: add the next one.
 */
import type pg from "pg";
import { GENESIS_HASH } from "../../chain/proof-hash.ts";
import { ledgerError } from "../errors.ts";

export const POSTGRES_MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: "ledger",
    sql: `
      CREATE TABLE proofs (
        seq BIGINT PRIMARY KEY,
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
      -- Appends lock it (SELECT … FOR UPDATE), which serialises the chain across instances.
      CREATE TABLE chain_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        anchor_seq BIGINT NOT NULL,
        anchor_hash TEXT NOT NULL,
        head_seq BIGINT NOT NULL,
        head_hash TEXT NOT NULL
      );
      INSERT INTO chain_state VALUES (1, 0, '${GENESIS_HASH}', 0, '${GENESIS_HASH}');
      CREATE TABLE policy_revisions (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
        key BYTEA NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
  },
];

/** Arbitrary, fixed: the advisory lock class of Macaron's migrations ("ma"). */
const MIGRATION_LOCK = 0x6d61;

export async function migratePostgres(client: pg.PoolClient, schema: string | undefined): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [
      MIGRATION_LOCK,
      schema ?? "(default)",
    ]);
    if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    );
    const applied = (await client.query<{ version: number }>("SELECT version FROM schema_migrations")).rows;
    const known = new Set(POSTGRES_MIGRATIONS.map((migration) => migration.version));
    const newer = applied.find((row) => !known.has(row.version));
    if (newer !== undefined) {
      throw ledgerError(
        "LEDGER_SCHEMA_NEWER",
        `The database has migration ${newer.version}, unknown to this version.`,
      );
    }
    const done = new Set(applied.map((row) => row.version));
    for (const migration of POSTGRES_MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query("INSERT INTO schema_migrations VALUES ($1, $2, $3)", [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
