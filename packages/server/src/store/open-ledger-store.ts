/**
 * Opens the ledger named by a URL: `sqlite:PATH` (the default, `sqlite:./macaron.db`) or
 * `postgres://…` / `postgresql://…` (optional `?schema=NAME`). Migrations run before it resolves.
 * PostgreSQL is loaded only when asked for, so SQLite users never load `pg`.
 */
import { ledgerError, redactedUrl } from "./errors.ts";
import type { LedgerStore } from "./ledger-store.ts";
import { sqliteLedgerStore } from "./sqlite/sqlite-ledger-store.ts";

export const DEFAULT_DATABASE_URL = "sqlite:./macaron.db";

export async function openLedgerStore(url: string = DEFAULT_DATABASE_URL): Promise<LedgerStore> {
  if (url.startsWith("sqlite:")) {
    const path = url.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
    if (path === "")
      throw ledgerError("LEDGER_URL_UNSUPPORTED", "`sqlite:` needs a file path, e.g. `sqlite:./macaron.db`.");
    return sqliteLedgerStore(path);
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { openPostgresLedgerStore } = await import("./postgres/postgres-ledger-store.ts");
    return openPostgresLedgerStore(url);
  }
  throw ledgerError("LEDGER_URL_UNSUPPORTED", `Cannot open ${JSON.stringify(redactedUrl(url))}.`);
}
