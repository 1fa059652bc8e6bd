/**
 * `@macaron/server/export`: the ledger's export formats alone, without the server stack, for the
 * CLI (which should start fast) and other tools.
 */
export {
  chunked,
  EXPORT_FORMATS,
  type ExportOptions,
  exportLines,
  LEDGER_EXPORT_CONTENT_TYPES,
  type LedgerExportFormat,
  ledgerCategories,
} from "./export-lines.ts";
export { type ReceiptContext, receiptContext } from "./receipt-context.ts";
