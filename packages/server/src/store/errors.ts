/** Errors of the ledger stores, one catalogue (documented in docs/errors.md). */
import { type ErrorDefinition, errorFactory } from "@macaron/core";

export const LEDGER_ERRORS = {
  LEDGER_URL_UNSUPPORTED: {
    status: 500,
    message: "The database URL is not one Macaron can open.",
    hint: "Use `sqlite:PATH` (e.g. `sqlite:./macaron.db`) or `postgres://user@host:5432/db` (optionally `?schema=NAME`).",
  },
  LEDGER_UNREACHABLE: {
    status: 503,
    message: "The ledger database cannot be reached.",
    hint: "Check that the database runs and the URL (host, port, user, database) or the SQLite file's folder and permissions are right.",
  },
  LEDGER_SCHEMA_NEWER: {
    status: 500,
    message: "The database was migrated by a newer version of Macaron.",
    hint: "Run the Macaron version that created this database, or a newer one; never downgrade a ledger.",
  },
  LEDGER_INVALID_QUERY: {
    status: 400,
    message: "A ledger query parameter is invalid.",
    hint: "Dates are ISO 8601 (`2026-11-25` or `2026-11-25T10:00:00Z`); pass back cursors exactly as received.",
  },
} as const satisfies Record<string, ErrorDefinition>;

export const ledgerError = errorFactory(LEDGER_ERRORS);

/** A database URL fit for messages and logs: no password. */
export function redactedUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:…@");
}
