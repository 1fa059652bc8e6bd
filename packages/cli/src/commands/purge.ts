/**
 * `macaron purge [--db URL] [--config F] [--dry-run]`: deletes the proofs received longer ago than
 * the configuration's `ledger.proofRetention` (default 5 years: the French limitation period for
 * proving consent). Refusals are kept as long as consents. The chain keeps an anchor, so
 * `macaron verify` still passes after a purge.
 */

import { existsSync } from "node:fs";
import { addDuration, parseDuration } from "@macaron/core";
import { configPath, loadConfig } from "../config-file.ts";
import { cliError } from "../errors.ts";
import type { Output } from "../output.ts";
import { withLedger } from "./ledger-database.ts";
import { formatIssue } from "./validate.ts";

export const DEFAULT_PROOF_RETENTION = "5 years";

export interface PurgeCommandOptions {
  readonly db?: string;
  readonly config?: string;
  readonly dryRun?: boolean;
}

/** The configured retention; without a configuration file (and none asked for), the default. */
async function proofRetention(option: string | undefined, output: Output): Promise<string | undefined> {
  if (
    option === undefined &&
    process.env.MACARON_CONFIG === undefined &&
    !existsSync(configPath(undefined))
  ) {
    return DEFAULT_PROOF_RETENTION;
  }
  const { path, validation } = await loadConfig(option);
  if (!validation.ok) {
    output.err(`${path}: ${validation.errors.length} error(s), nothing purged`);
    for (const found of validation.errors) output.err(formatIssue(found));
    return undefined;
  }
  return validation.config.ledger.proofRetention;
}

export async function purgeCommand(
  options: PurgeCommandOptions,
  output: Output,
  now = new Date(),
): Promise<number> {
  const retention = await proofRetention(options.config, output);
  if (retention === undefined) return 1;
  const duration = parseDuration(retention);
  if (duration === undefined || duration === "session") {
    throw cliError(
      "CLI_USAGE",
      `ledger.proofRetention "${retention}" is not a fixed duration such as "5 years"`,
    );
  }
  const before = addDuration(now, { amount: -duration.amount, unit: duration.unit }).toISOString();
  const dryRun = options.dryRun === true;
  const { count } = await withLedger(options.db, (store) => store.purge(before, { dryRun }));
  output.out(
    dryRun
      ? `would purge ${count} proof(s) received before ${before} (retention ${retention}); nothing deleted`
      : `purged ${count} proof(s) received before ${before} (retention ${retention}); the chain stays verifiable from its anchor`,
  );
  return 0;
}
