/** @macaron/server: the consent ledger and HTTP server. */

export { ADMIN_CSP, type AdminPluginOptions, adminPlugin } from "./admin/plugin.ts";
export { type BuildServerOptions, buildServer, DEFAULT_RATE_LIMIT } from "./build-server.ts";
export { GENESIS_HASH, proofContentJson, proofHash } from "./chain/proof-hash.ts";
export { type ChainPoint, type ChainRow, verifyChain } from "./chain/verify-chain.ts";
export { csvCell, csvHeader, csvRow } from "./export/csv.ts";
export {
  chunked,
  EXPORT_FORMATS,
  type ExportOptions,
  exportLines,
  LEDGER_EXPORT_CONTENT_TYPES,
  type LedgerExportFormat,
  ledgerCategories,
} from "./export/export-lines.ts";
export { ISO_27560_SCHEMA_VERSION, iso27560Record } from "./export/iso-27560.ts";
export { KANTARA_VERSION, kantaraReceipt } from "./export/kantara-receipt.ts";
export { type ReceiptContext, receiptContext } from "./export/receipt-context.ts";
export { HTTP_ERRORS } from "./http/errors.ts";
export { PolicyRevisions, type PublishedPolicy, publishPolicy } from "./policy-revisions.ts";
export { type ProofSink, ProofWriter, type ProofWriterOptions } from "./proof-writer.ts";
export { IpPseudonymiser, pseudonymPeriod } from "./pseudonymise-ip.ts";
export { LEDGER_ERRORS } from "./store/errors.ts";
export type * from "./store/ledger-store.ts";
export { DEFAULT_DATABASE_URL, openLedgerStore } from "./store/open-ledger-store.ts";
