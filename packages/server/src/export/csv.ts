/**
 * Proofs as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a quote, comma or line
 * break, quotes doubled), one column per category (`granted`, `refused`, or empty when the
 * decision did not cover it). Cells a spreadsheet would run as a formula are defused (OWASP
 * "CSV injection": a leading = + - @ tab or CR gets a leading apostrophe).
 */
import type { StoredProof } from "../store/ledger-store.ts";

type Cell = string | number | boolean | null | undefined;

const COLUMNS: readonly (readonly [string, (proof: StoredProof) => Cell])[] = [
  ["seq", (p) => p.seq],
  ["recordId", (p) => p.record.id],
  ["subjectId", (p) => p.record.subjectId],
  ["decidedAt", (p) => p.record.decidedAt],
  ["receivedAt", (p) => p.receivedAt],
  ["expiresAt", (p) => p.record.expiresAt],
  ["method", (p) => p.record.method],
  ["uiLayer", (p) => p.record.uiLayer],
  ["revision", (p) => p.record.revision],
  ["policyHash", (p) => p.policyHash],
  ["noticeHash", (p) => p.record.noticeHash],
  ["language", (p) => p.record.language],
  ["gpc", (p) => p.record.signals.gpc],
  ["origin", (p) => p.record.origin],
  ["sdkVersion", (p) => p.record.sdkVersion],
  ["ipHash", (p) => p.ipHash],
  ["userAgent", (p) => p.userAgent],
  ["prevHash", (p) => p.prevHash],
  ["hash", (p) => p.hash],
];

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function choice(granted: boolean | undefined): string {
  return granted === undefined ? "" : granted ? "granted" : "refused";
}

/** The header line; `categories` fixes the per-category columns for the whole file. */
export function csvHeader(categories: readonly string[]): string {
  const names = [...COLUMNS.map(([name]) => name), ...categories.map((id) => `category:${id}`)];
  return `${names.map(csvCell).join(",")}\r\n`;
}

export function csvRow(proof: StoredProof, categories: readonly string[]): string {
  const cells = [
    ...COLUMNS.map(([, cell]) => csvCell(cell(proof))),
    ...categories.map((id) => choice(proof.record.categories[id])),
  ];
  return `${cells.join(",")}\r\n`;
}
