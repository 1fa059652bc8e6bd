/**
 * The ledger the commands work on: `--db`, else `MACARON_DB` or `DATABASE_URL` from the
 * environment (as `macaron serve` reads them), else the SQLite file `./macaron.db`.
 */
import type { LedgerStore } from "@macaron/server";

// The stores (and their database drivers) load only when a command opens the ledger, so that
// the other commands start fast.
const serverPackage = () => import("@macaron/server");

export async function ledgerUrl(
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  return option ?? env.MACARON_DB ?? env.DATABASE_URL ?? (await serverPackage()).DEFAULT_DATABASE_URL;
}

/** Runs `work` on the opened ledger and closes it, whatever happens. */
export async function withLedger<T>(
  option: string | undefined,
  work: (store: LedgerStore) => Promise<T>,
): Promise<T> {
  const { openLedgerStore } = await serverPackage();
  const store = await openLedgerStore(await ledgerUrl(option));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
