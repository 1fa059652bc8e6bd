/**
 * Kept for the admin dashboard's exports (src/admin/ledger-routes.ts); the API route uses
 * src/export/export-lines.ts, which also has the per-category CSV and the 27560 and Kantara shapes.
 *
 * The export route's formats: NDJSON (one stored proof per line, exactly as stored) and CSV (one
 * row per proof, RFC 4180 quoting, cells that a spreadsheet would run as a formula defused).
 */
import { canonicalJson } from "@macaron/core";
import type { StoredProof } from "../store/ledger-store.ts";

export type ExportFormat = "csv" | "ndjson";

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
};

const COLUMNS: readonly [string, (proof: StoredProof) => string | number | boolean | null | undefined][] = [
  ["seq", (p) => p.seq],
  ["recordId", (p) => p.record.id],
  ["subjectId", (p) => p.record.subjectId],
  ["decidedAt", (p) => p.record.decidedAt],
  ["receivedAt", (p) => p.receivedAt],
  ["expiresAt", (p) => p.record.expiresAt],
  ["revision", (p) => p.record.revision],
  ["policyHash", (p) => p.policyHash],
  ["noticeHash", (p) => p.record.noticeHash],
  ["language", (p) => p.record.language],
  ["uiLayer", (p) => p.record.uiLayer],
  ["method", (p) => p.record.method],
  ["categories", (p) => canonicalJson(p.record.categories)],
  ["services", (p) => (p.record.services ? canonicalJson(p.record.services) : "")],
  ["gpc", (p) => p.record.signals.gpc],
  ["origin", (p) => p.record.origin],
  ["sdkVersion", (p) => p.record.sdkVersion],
  ["ipHash", (p) => p.ipHash],
  ["userAgent", (p) => p.userAgent],
  ["prevHash", (p) => p.prevHash],
  ["hash", (p) => p.hash],
];

/** OWASP CSV injection: a leading = + - @ tab or CR would make a spreadsheet evaluate the cell. */
function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function* exportLines(
  format: ExportFormat,
  proofs: AsyncIterable<StoredProof>,
): AsyncGenerator<string> {
  if (format === "csv") {
    yield `${COLUMNS.map(([name]) => name).join(",")}\r\n`;
    for await (const proof of proofs)
      yield `${COLUMNS.map(([, cell]) => csvCell(cell(proof))).join(",")}\r\n`;
    return;
  }
  for await (const proof of proofs) yield `${JSON.stringify(proof)}\n`;
}
