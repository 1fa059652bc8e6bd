/**
 * A PostgreSQL URL to pool options. `?schema=NAME` puts the ledger's tables in that schema (one
 * database can hold several ledgers, and tests their own throw-away schema); every connection
 * asks for `synchronous_commit=on`, so COMMIT returns only once the WAL is flushed: an
 * acknowledged proof is durable whatever the server's default.
 */
import type pg from "pg";
import { ledgerError } from "../errors.ts";

export interface PostgresConnection {
  readonly pool: pg.PoolConfig;
  readonly schema: string | undefined;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export function postgresConnection(url: string): PostgresConnection {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw ledgerError(
      "LEDGER_URL_UNSUPPORTED",
      `\`schema\` must be a plain SQL identifier, not ${JSON.stringify(schema)}.`,
    );
  }
  const options = ["-c synchronous_commit=on"];
  if (schema !== undefined) options.push(`-c search_path=${schema}`);
  return { pool: { connectionString: parsed.toString(), options: options.join(" "), max: 10 }, schema };
}
