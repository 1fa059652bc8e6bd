/** Writes a scan's three files: report.json, report.html and config-patch.json. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { MacaronConfig } from "@macaron/core";
import { configPatch } from "./config-patch.ts";
import { renderHtml } from "./report-html.ts";
import type { ScanResult } from "./scan.ts";

export const REPORT_SCHEMA_URL = "https://macaron.dev/schema/scan-report.schema.json";

export function reportJson(result: ScanResult): string {
  return `${JSON.stringify({ $schema: REPORT_SCHEMA_URL, ...result.report }, null, 2)}\n`;
}

export function writeReportFiles(
  result: ScanResult,
  directory: string,
  config: MacaronConfig | undefined,
): { json: string; html: string; patch: string } {
  const target = resolve(directory);
  mkdirSync(target, { recursive: true });
  const files = {
    json: join(target, "report.json"),
    html: join(target, "report.html"),
    patch: join(target, "config-patch.json"),
  };
  writeFileSync(files.json, reportJson(result));
  writeFileSync(files.html, renderHtml(result.report, result.screenshots));
  writeFileSync(files.patch, `${JSON.stringify(configPatch(result.report, config), null, 2)}\n`);
  return files;
}
