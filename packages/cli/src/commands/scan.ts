/**
 * `macaron scan <url> [--config F] [--pages N] [--depth N] [--out DIR] [--format text|json|html]
 * [--kb FILE] [--timeout S] [--quiet MS] [--concurrency N]`: audits the live site in headless
 * Chromium in four consent states, writes report.json, report.html and config-patch.json to --out,
 * prints the chosen format.
 * Exit 0 clean, 1 errors found, 2 usage error or a state not reached.
 */
import { existsSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { configSchema, type MacaronConfig, MacaronError, validateConfig } from "@macaron/core";
import {
  exitCodeFor,
  importOpenCookieDatabase,
  progressBar,
  renderHtml,
  renderText,
  reportJson,
  scan,
  writeReportFiles,
} from "@macaron/scanner";
import { Option } from "commander";
import { configPath, DEFAULT_CONFIG_FILE, readConfigFile } from "../config-file.ts";
import { cliError } from "../errors.ts";
import type { Output } from "../output.ts";
import { formatIssue } from "./validate.ts";

export const SCAN_FORMATS = ["text", "json", "html"] as const;

export interface ScanCommandOptions {
  readonly config?: string;
  readonly pages: string;
  readonly depth: string;
  readonly out: string;
  readonly format: (typeof SCAN_FORMATS)[number];
  readonly kb?: string;
  readonly timeout: string;
  readonly quiet: string;
  readonly concurrency: string;
}

export function scanFormatOption(): Option {
  return new Option("-f, --format <format>", "what standard output shows: text summary, JSON or HTML report")
    .choices(SCAN_FORMATS)
    .default("text");
}

function wholeNumber(text: string, option: string, minimum: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < minimum || value > 10_000)
    throw cliError("CLI_USAGE", `${option} ${text}: expected a whole number from ${minimum} to 10000`);
  return value;
}

function shown(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere === "" || fromHere.startsWith("..") ? path : fromHere;
}

/** The configuration to audit against: --config, MACARON_CONFIG, or ./macaron.config.json if present. */
async function scanConfig(
  option: string | undefined,
  output: Output,
): Promise<{ config?: MacaronConfig; path?: string } | "invalid"> {
  const explicit = option ?? process.env.MACARON_CONFIG;
  if (explicit === undefined && !existsSync(resolve(DEFAULT_CONFIG_FILE))) return {};
  const path = configPath(option);
  const input = await readConfigFile(path);
  const parsed = configSchema.safeParse(input);
  const validation = validateConfig(input);
  if (!parsed.success) {
    output.err(`${shown(path)}: the configuration cannot be read; no scan`);
    if (!validation.ok) for (const issue of validation.errors) output.err(formatIssue(issue));
    return "invalid";
  }
  // Compliance errors (a tracker declared necessary…) do not stop the audit: it reports them as findings.
  if (!validation.ok) {
    output.err(`${shown(path)}: ${validation.errors.length} validation error(s); scanning against it anyway`);
    for (const issue of validation.errors) output.err(formatIssue(issue));
  }
  return { config: parsed.data, path };
}

export async function scanCommand(url: string, options: ScanCommandOptions, output: Output): Promise<number> {
  if (!/^https?:\/\/\S+$/i.test(url)) throw cliError("CLI_USAGE", `${url}: expected an http(s) URL to scan`);
  const maxPages = wholeNumber(options.pages, "--pages", 1);
  const maxDepth = wholeNumber(options.depth, "--depth", 0);
  const timeoutSeconds = Number(options.timeout);
  if (!(timeoutSeconds > 0 && timeoutSeconds <= 600))
    throw cliError(
      "CLI_USAGE",
      `--timeout ${options.timeout}: expected seconds, more than 0 and at most 600`,
    );
  const quietMs = wholeNumber(options.quiet, "--quiet", 0);
  const concurrency = wholeNumber(options.concurrency, "--concurrency", 1);
  if (concurrency > 4) throw cliError("CLI_USAGE", `--concurrency ${concurrency}: at most 4 (one per state)`);
  const loaded = await scanConfig(options.config, output);
  if (loaded === "invalid") return 1;
  let openCookieDatabase: { file: string; vendors: ReturnType<typeof importOpenCookieDatabase> } | undefined;
  if (options.kb !== undefined) {
    const file = resolve(options.kb);
    let csv: string;
    try {
      csv = readFileSync(file, "utf8");
    } catch (error) {
      throw cliError("CLI_USAGE", `--kb ${options.kb}: cannot read it (${(error as Error).message})`);
    }
    try {
      openCookieDatabase = { file: shown(file), vendors: importOpenCookieDatabase(csv, shown(file)) };
    } catch (error) {
      if (error instanceof MacaronError) throw cliError("CLI_USAGE", `--kb ${options.kb}: ${error.message}`);
      throw error;
    }
  }
  const progress = progressBar();
  let result: Awaited<ReturnType<typeof scan>>;
  try {
    result = await scan({
      url,
      maxPages,
      maxDepth,
      timeoutSeconds,
      quietMs,
      concurrency,
      ...(loaded.config ? { config: loaded.config } : {}),
      ...(loaded.path ? { configPath: shown(loaded.path) } : {}),
      ...(openCookieDatabase ? { openCookieDatabase } : {}),
      onProgress: progress.onProgress,
    });
  } finally {
    progress.stop();
  }
  const files = writeReportFiles(result, options.out, loaded.config);
  if (options.format === "json") output.out(reportJson(result).trimEnd());
  else if (options.format === "html") output.out(renderHtml(result.report, result.screenshots).trimEnd());
  else output.out(renderText(result.report));
  output.err(`wrote ${shown(files.json)}, ${shown(files.html)} and ${shown(files.patch)}`);
  return exitCodeFor(result.report);
}
