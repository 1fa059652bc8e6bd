/**
 * `macaron export [--db URL] [--format csv|ndjson|iso27560|kantara] [--from D] [--to D] [--out F]`:
 * every proof decided in the range, streamed from the ledger to standard output or a file in flat
 * memory. 27560 records and Kantara receipts name the controller, read from the configuration.
 */
import { createWriteStream, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { StoredProof } from "@macaron/server";
import {
  chunked,
  EXPORT_FORMATS,
  type ExportOptions,
  exportLines,
  type LedgerExportFormat,
  ledgerCategories,
  receiptContext,
} from "@macaron/server/export";
import { Option } from "commander";
import { loadConfig } from "../config-file.ts";
import { cliError } from "../errors.ts";
import type { Output } from "../output.ts";
import { withLedger } from "./ledger-database.ts";
import { formatIssue } from "./validate.ts";

export interface ExportCommandOptions {
  readonly db?: string;
  readonly config?: string;
  readonly format?: LedgerExportFormat;
  readonly from?: string;
  readonly to?: string;
  readonly out?: string;
}

export function exportFormatOption(): Option {
  return new Option(
    "-f, --format <format>",
    "csv, ndjson, iso27560 (ISO/IEC TS 27560 records) or kantara (v1.1 receipts)",
  )
    .choices(EXPORT_FORMATS)
    .default("csv");
}

function dateOption(name: "from" | "to", value: string | undefined): string | undefined {
  if (value !== undefined && Number.isNaN(Date.parse(value))) {
    throw cliError(
      "CLI_USAGE",
      `--${name} ${value}: expected an ISO 8601 date such as 2026-11-01 or 2026-11-01T00:00:00Z`,
    );
  }
  return value;
}

async function* counted(
  proofs: AsyncIterable<StoredProof>,
  count: { proofs: number },
): AsyncGenerator<StoredProof> {
  for await (const proof of proofs) {
    count.proofs++;
    yield proof;
  }
}

function destination(out: string | undefined): Writable {
  if (out === undefined) return process.stdout;
  const path = resolve(out);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw cliError(
      "CLI_OUTPUT_UNWRITABLE",
      `cannot create the folder of ${path}: ${(error as Error).message}`,
    );
  }
  return createWriteStream(path);
}

export async function exportCommand(options: ExportCommandOptions, output: Output): Promise<number> {
  const format = options.format ?? "csv";
  const from = dateOption("from", options.from);
  const to = dateOption("to", options.to);
  const exportOptions: { -readonly [K in keyof ExportOptions]: ExportOptions[K] } = {};
  if (format === "iso27560" || format === "kantara") {
    const { path, validation } = await loadConfig(options.config);
    if (!validation.ok) {
      output.err(`${path}: ${validation.errors.length} error(s), nothing exported`);
      for (const found of validation.errors) output.err(formatIssue(found));
      return 1;
    }
    exportOptions.context = receiptContext(validation.config);
  }
  const count = { proofs: 0 };
  await withLedger(options.db, async (store) => {
    if (format === "csv") exportOptions.categories = await ledgerCategories(store);
    const proofs = counted(store.streamProofs({ ...(from && { from }), ...(to && { to }) }), count);
    const target = destination(options.out);
    try {
      await pipeline(Readable.from(chunked(exportLines(format, proofs, exportOptions))), target, {
        end: options.out !== undefined,
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // The reader went away (`macaron export | head`): it has what it wanted.
      if (options.out === undefined && code === "EPIPE") return;
      if (options.out !== undefined && code !== undefined && /^E[A-Z]+$/.test(code)) {
        throw cliError(
          "CLI_OUTPUT_UNWRITABLE",
          `cannot write ${resolve(options.out)}: ${(error as Error).message}`,
        );
      }
      throw error;
    }
  });
  const where = options.out === undefined ? "standard output" : resolve(options.out);
  // With the data on standard output, the summary goes to standard error.
  (options.out === undefined ? output.err : output.out)(
    `exported ${count.proofs} proof(s) as ${format} to ${where}`,
  );
  return 0;
}
