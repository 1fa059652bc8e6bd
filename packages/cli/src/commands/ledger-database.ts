/**
 * The ledger the commands work on: `--db`, else `MACARON_DB` or `DATABASE_URL` from the
 * environment (as `macaron serve` reads them), else the SQLite file `./macaron.db`.
 */
import { DEFAULT_DATABASE_URL, type LedgerStore, openLedgerStore } from "@macaron/server";

export function ledgerUrl(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return option ?? env.MACARON_DB ?? env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

/** Runs `work` on the opened ledger and closes it, whatever happens. */
export async function withLedger<T>(
  option: string | undefined,
  work: (store: LedgerStore) => Promise<T>,
): Promise<T> {
  const store = await openLedgerStore(ledgerUrl(option));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
