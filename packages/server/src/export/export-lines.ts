/**
 * Every matching proof as lines of one export format, pulled from the store's stream one proof at
 * a time, so an export of millions of proofs runs in flat memory:
 * - `csv`: one row per proof, one column per category (see csv.ts);
 * - `ndjson`: each stored proof as one JSON line, exactly as stored (chain fields included);
 * - `iso27560`: each proof as an ISO/IEC TS 27560-shaped consent record, one JSON line each;
 * - `kantara`: each proof as a Kantara Consent Receipt v1.1, one JSON line each.
 */
import type { LedgerStore, StoredProof } from "../store/ledger-store.ts";
import { csvHeader, csvRow } from "./csv.ts";
import { iso27560Record } from "./iso-27560.ts";
import { kantaraReceipt } from "./kantara-receipt.ts";
import type { ReceiptContext } from "./receipt-context.ts";

export const EXPORT_FORMATS = ["csv", "ndjson", "iso27560", "kantara"] as const;
export type LedgerExportFormat = (typeof EXPORT_FORMATS)[number];

export const LEDGER_EXPORT_CONTENT_TYPES: Record<LedgerExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
  iso27560: "application/x-ndjson; charset=utf-8",
  kantara: "application/x-ndjson; charset=utf-8",
};

export interface ExportOptions {
  /** CSV: the category columns, in order. */
  readonly categories?: readonly string[];
  /** 27560 records and Kantara receipts: the controller and site. */
  readonly context?: ReceiptContext;
}

export async function* exportLines(
  format: LedgerExportFormat,
  proofs: AsyncIterable<StoredProof>,
  options: ExportOptions = {},
): AsyncGenerator<string> {
  if (format === "csv") {
    const categories = options.categories ?? [];
    yield csvHeader(categories);
    for await (const proof of proofs) yield csvRow(proof, categories);
    return;
  }
  if (format === "ndjson") {
    for await (const proof of proofs) yield `${JSON.stringify(proof)}\n`;
    return;
  }
  const { context } = options;
  if (context === undefined) throw new TypeError(`the ${format} export needs the site's receipt context`);
  const shape = format === "iso27560" ? iso27560Record : kantaraReceipt;
  for await (const proof of proofs) yield `${JSON.stringify(shape(proof, context))}\n`;
}

/** Joins lines into chunks of about `size` characters: one write per line would cost more than the export. */
export async function* chunked(lines: AsyncIterable<string>, size = 64 * 1024): AsyncGenerator<string> {
  let chunk = "";
  for await (const line of lines) {
    chunk += line;
    if (chunk.length >= size) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk !== "") yield chunk;
}

/** Every category id any published revision offered, in order of first publication: the CSV's columns. */
export async function ledgerCategories(store: Pick<LedgerStore, "revisions">): Promise<string[]> {
  const ids = new Set<string>();
  for (const revision of await store.revisions()) {
    const content = JSON.parse(revision.content) as { categories?: { id?: unknown }[] };
    for (const category of content.categories ?? [])
      if (typeof category.id === "string") ids.add(category.id);
  }
  return [...ids];
}
