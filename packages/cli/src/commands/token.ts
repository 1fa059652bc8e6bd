/**
 * `macaron token create [--db URL] [--name N]`: a new admin token for the ledger's admin API and
 * dashboard. The token is printed once on standard output (only its hash is stored), so
 * `TOKEN=$(npx macaron token create)` captures it.
 */
import type { Output } from "../output.ts";
import { withLedger } from "./ledger-database.ts";

export interface TokenCreateOptions {
  readonly db?: string;
  readonly name?: string;
}

export async function tokenCreateCommand(options: TokenCreateOptions, output: Output): Promise<number> {
  const name = options.name ?? "admin";
  const created = await withLedger(options.db, (store) => store.createToken(name));
  output.out(created.token);
  output.err(
    `admin token ${created.id} ("${name}") created; it is shown only now: keep it in a secret store`,
  );
  output.err("  use it as: Authorization: Bearer <token>");
  return 0;
}
