/** The export route's formats: bridges the store's proof stream to the export formatters. */
import type { StoredProof } from "../store/ledger-store.ts";

export type ExportFormat = "csv" | "ndjson";

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
};

export async function* exportLines(
  format: ExportFormat,
  proofs: AsyncIterable<StoredProof>,
): AsyncGenerator<string> {
  if (format !== "ndjson") throw new Error("TODO csv");
  for await (const proof of proofs) yield `${JSON.stringify(proof)}\n`;
}
