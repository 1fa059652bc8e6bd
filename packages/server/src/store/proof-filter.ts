/**
 * The SQL of a `ProofQuery`, for both dialects: WHERE clauses over the indexed columns, and the
 * category choice read from the stored content's JSON. Values always travel as parameters.
 */
import { utcInstant } from "../chain/proof-columns.ts";
import { ledgerError } from "./errors.ts";
import type { ProofQuery } from "./ledger-store.ts";

export type SqlDialect = "sqlite" | "postgres";

export interface SqlParams {
  readonly values: unknown[];
  /** Adds a value and returns its placeholder (`?` or `$n`). */
  add(value: unknown): string;
}

export function sqlParams(dialect: SqlDialect): SqlParams {
  const values: unknown[] = [];
  return {
    values,
    add(value) {
      values.push(value);
      return dialect === "sqlite" ? "?" : `$${values.length}`;
    },
  };
}

/** A query's date bound in UTC, or LEDGER_INVALID_QUERY naming the parameter. */
export function queryInstant(text: string, name: "from" | "to" | "before"): string {
  try {
    return utcInstant(text);
  } catch {
    throw ledgerError(
      "LEDGER_INVALID_QUERY",
      `\`${name}\` is not an ISO 8601 date or date-time: ${JSON.stringify(text)}`,
      {
        path: name,
      },
    );
  }
}

function categoryClause(dialect: SqlDialect, params: SqlParams, category: string, granted?: boolean): string {
  if (dialect === "sqlite") {
    // `?` placeholders bind in text order: the key's before the choice's.
    const key = params.add(category);
    const choice = granted === undefined ? "" : ` AND c.value = ${params.add(granted ? 1 : 0)}`;
    return `EXISTS (SELECT 1 FROM json_each(content, '$.record.categories') AS c WHERE c.key = ${key}${choice})`;
  }
  const choice = `(content::jsonb -> 'record' -> 'categories' -> ${params.add(category)})`;
  return granted === undefined
    ? `${choice} IS NOT NULL`
    : `${choice} = ${params.add(JSON.stringify(granted))}::jsonb`;
}

/** What SQLite's subject index (migration 2, FTS5 with `-` as a token character) holds as one token. */
const ONE_SUBJECT_TOKEN = /^[0-9A-Za-z-]+$/;

/** Whether SQLite's subject index can find `subjectId` (every valid subject id, a UUID, is one token). */
export function isIndexedSubject(subjectId: string): boolean {
  return ONE_SUBJECT_TOKEN.test(subjectId);
}

/**
 * The proofs of one subject. On SQLite through its full-text subject index, then compared exactly
 * (the index folds case); an id that is not one token (never a valid subject id) is compared
 * without the index.
 */
export function subjectClause(dialect: SqlDialect, params: SqlParams, subjectId: string): string {
  if (dialect === "postgres" || !isIndexedSubject(subjectId)) return `subject_id = ${params.add(subjectId)}`;
  // `?` placeholders bind in text order: the phrase's before the exact id's.
  const phrase = params.add(`"${subjectId}"`);
  return `(seq IN (SELECT rowid FROM proof_subjects WHERE proof_subjects MATCH ${phrase}) AND subject_id = ${params.add(subjectId)})`;
}

/** The WHERE clauses (joined with AND by the caller) selecting the proofs `query` asks for. */
export function proofFilter(dialect: SqlDialect, params: SqlParams, query: ProofQuery): string[] {
  const where: string[] = [];
  if (query.from !== undefined) where.push(`decided_at >= ${params.add(queryInstant(query.from, "from"))}`);
  if (query.to !== undefined) where.push(`decided_at < ${params.add(queryInstant(query.to, "to"))}`);
  if (query.method !== undefined) where.push(`method = ${params.add(query.method)}`);
  if (query.revision !== undefined) where.push(`revision = ${params.add(query.revision)}`);
  if (query.language !== undefined) where.push(`language = ${params.add(query.language)}`);
  if (query.consentId !== undefined) {
    where.push(
      `(record_id = ${params.add(query.consentId)} OR ${subjectClause(dialect, params, query.consentId)})`,
    );
  }
  if (query.category !== undefined)
    where.push(categoryClause(dialect, params, query.category, query.granted));
  return where;
}

export function whereSql(clauses: readonly string[]): string {
  return clauses.length === 0 ? "" : `WHERE ${clauses.join(" AND ")}`;
}

const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 1)
    throw ledgerError("LEDGER_INVALID_QUERY", "`limit` must be a positive integer", { path: "limit" });
  return Math.min(limit, MAX_PAGE);
}

/** Cursors are the last seen seq, opaque to callers. */
export function encodeCursor(seq: number): string {
  return Buffer.from(`seq:${seq}`).toString("base64url");
}

export function decodeCursor(cursor: string): number {
  const match = /^seq:(\d{1,15})$/.exec(Buffer.from(cursor, "base64url").toString());
  if (match?.[1] === undefined)
    throw ledgerError("LEDGER_INVALID_QUERY", "`cursor` is not one this ledger returned", { path: "cursor" });
  return Number(match[1]);
}
