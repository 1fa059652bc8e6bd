/**
 * `macaron verify [--db URL]`: recomputes every proof's hash and link from the chain's anchor.
 * Exit 0 when intact; exit 1 naming the first broken proof (its seq, record id and what is wrong).
 */
import type { Output } from "../output.ts";
import { ledgerUrl, withLedger } from "./ledger-database.ts";

export interface VerifyCommandOptions {
  readonly db?: string;
}

export async function verifyCommand(options: VerifyCommandOptions, output: Output): Promise<number> {
  const result = await withLedger(options.db, (store) => store.verify());
  if (result.firstBreak === undefined) {
    output.out(`chain intact: ${result.checked} proof(s) verified in ${await ledgerUrl(options.db)}`);
    return 0;
  }
  const { seq, recordId, reason } = result.firstBreak;
  output.err(`chain broken at proof seq ${seq} (record ${recordId}): ${reason}`);
  output.err(`  ${result.checked} proof(s) before it verified; every proof from seq ${seq} on is unproven`);
  return 1;
}
