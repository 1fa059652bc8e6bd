/** @macaron/scanner: audits a live site against its declared cookie policy in headless Chromium. */
export { SCAN_STATES, type ScanState } from "./banner.ts";
export { chromiumPath, launchScanBrowser, type ScanBrowser } from "./browser.ts";
export { type Classification, type Classifier, createClassifier } from "./classify.ts";
export { type ConfigPatch, configPatch } from "./config-patch.ts";
export { SCANNER_ERRORS } from "./errors.ts";
export { importOpenCookieDatabase, parseCsv } from "./open-cookie-database.ts";
export { progressBar } from "./progress.ts";
export { REPORT_SCHEMA_URL, reportJson, writeReportFiles } from "./report-files.ts";
export { escapeHtml, renderHtml } from "./report-html.ts";
export * from "./report-model.ts";
export { renderText } from "./report-text.ts";
export {
  exitCodeFor,
  METHOD_DESCRIPTION,
  SCANNER_VERSION,
  type ScanOptions,
  type ScanResult,
  scan,
} from "./scan.ts";
