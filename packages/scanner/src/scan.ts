/**
 * `scan()`: the whole audit. One Chromium, one fresh context per state, the four states crawled
 * side by side (most of a page's time is spent waiting for the network), then classification,
 * findings and the report.
 */
import { canonicalJson, KNOWN_VENDORS, type KnownVendor, type MacaronConfig, sha256Hex } from "@macaron/core";
import { aggregateItems, aggregateRefused, aggregateRequests } from "./aggregate.ts";
import { SCAN_STATES, type ScanState } from "./banner.ts";
import { launchScanBrowser, type ScanBrowser } from "./browser.ts";
import { createClassifier } from "./classify.ts";
import { scannerError } from "./errors.ts";
import { audit } from "./findings.ts";
import { hostOf } from "./network-log.ts";
import { REPORT_VERSION, type ScanReport } from "./report-model.ts";
import { registrableDomain } from "./site.ts";
import { crawlState, type StateObservation } from "./state-crawl.ts";

export const SCANNER_VERSION = "0.1.0";

export interface ScanOptions {
  readonly url: string;
  /** The site's configuration, structurally valid (compliance errors are what the scan reports). */
  readonly config?: MacaronConfig;
  /** Where the configuration came from, shown in the report. */
  readonly configPath?: string;
  readonly maxPages?: number;
  readonly maxDepth?: number;
  readonly timeoutSeconds?: number;
  /** How long the network must stay quiet before a page counts as settled. */
  readonly quietMs?: number;
  /** Vendors imported from an Open Cookie Database CSV (`--kb`), with the file's name. */
  readonly openCookieDatabase?: { readonly file: string; readonly vendors: readonly KnownVendor[] };
  /** Extra Chromium flags (tests map host names to loopback with them). */
  readonly browserArgs?: readonly string[];
  /** How many states are crawled at once (1 to 4, default 4): fewer use less memory, take longer. */
  readonly concurrency?: number;
  /** A browser already started, reused and left open (tests, benchmarks). */
  readonly browser?: ScanBrowser;
  readonly onProgress?: (event: { done: number; total: number; state: ScanState; url: string }) => void;
}

export interface ScanResult {
  readonly report: ScanReport;
  /** One screenshot per state (JPEG), of the first page once the state is reached. */
  readonly screenshots: Partial<Record<ScanState, Buffer>>;
}

export const METHOD_DESCRIPTION =
  "Each state runs in a fresh browser context of a fresh Chromium profile that accepts third-party cookies " +
  "(as a visitor's browser that allows them). none: no interaction; reject: Reject all; accept: Accept all; " +
  "withdraw: Accept all, reopen the preferences, Reject all, reload. Each page: load, network idle plus a " +
  "quiet window, one scroll to the bottom, quiet again; then cookies (DevTools), Web Storage and IndexedDB " +
  "of every frame are read. Lifetimes asked come from the raw Set-Cookie and document.cookie strings.";

/** Runs `work` over `inputs`, at most `size` at a time, results in input order. */
async function inPool<Input, Output>(
  inputs: readonly Input[],
  size: number,
  work: (input: Input) => Promise<Output>,
): Promise<Output[]> {
  const results: Output[] = new Array(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const index = next++;
      results[index] = await work(inputs[index] as Input);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, inputs.length) }, worker));
  return results;
}

function checkedUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw scannerError("SCANNER_BAD_URL", `not a URL: ${text}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw scannerError("SCANNER_BAD_URL", `not an http(s) URL: ${text}`);
  return url;
}

export async function scan(options: ScanOptions): Promise<ScanResult> {
  const url = checkedUrl(options.url);
  const maxPages = options.maxPages ?? 20;
  const maxDepth = options.maxDepth ?? 2;
  const timeoutSeconds = options.timeoutSeconds ?? 30;
  const quietMs = options.quietMs ?? 500;
  const siteDomain = registrableDomain(hostOf(url.href));
  const startedAt = new Date();
  const browser = options.browser ?? (await launchScanBrowser(options.browserArgs));
  let observations: StateObservation[];
  try {
    let done = 0;
    const total = maxPages * SCAN_STATES.length;
    const crawl = async (state: ScanState): Promise<StateObservation> => {
      const context = await browser.newContext();
      try {
        return await crawlState(context, state, {
          startUrl: url.href,
          maxPages,
          maxDepth,
          timeoutMs: timeoutSeconds * 1000,
          quietMs,
          onPage: (_state, page) => {
            done++;
            options.onProgress?.({ done, total, state, url: page });
          },
        });
      } finally {
        await context.close().catch(() => undefined);
      }
    };
    observations = await inPool(SCAN_STATES, Math.min(4, Math.max(1, options.concurrency ?? 4)), crawl);
  } finally {
    if (!options.browser) await browser.close();
  }

  const databaseVendors = options.openCookieDatabase?.vendors ?? [];
  const classifier = createClassifier(options.config, databaseVendors);
  const states = observations.map((observation) => ({
    state: observation.state,
    reached: observation.reached,
    ...(observation.notReachedReason === undefined ? {} : { reason: observation.notReachedReason }),
    pages: observation.pages,
  }));
  const items = aggregateItems(observations, siteDomain, classifier);
  const requests = aggregateRequests(observations, siteDomain, options.config, [
    ...KNOWN_VENDORS,
    ...databaseVendors,
  ]);
  const findings = audit({ config: options.config, classifier, states, items, requests });
  const report: ScanReport = {
    reportVersion: REPORT_VERSION,
    scanner: { name: "@macaron/scanner", version: SCANNER_VERSION },
    url: url.href,
    site: siteDomain,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    browser: { name: "Chromium", version: browser.version, userAgent: browser.userAgent },
    method: {
      states: SCAN_STATES,
      maxPages,
      maxDepth,
      quietMs,
      timeoutSeconds,
      thirdPartyCookies: "allowed",
      description: METHOD_DESCRIPTION,
    },
    config: options.config
      ? { path: options.configPath ?? null, sha256: await sha256Hex(canonicalJson(options.config)) }
      : null,
    knowledgeBase: {
      builtInVendors: KNOWN_VENDORS.length,
      openCookieDatabase: options.openCookieDatabase
        ? { file: options.openCookieDatabase.file, vendors: databaseVendors.length }
        : null,
    },
    states,
    items,
    refusedCookies: aggregateRefused(observations),
    requests,
    findings,
    summary: {
      errors: findings.filter((finding) => finding.severity === "error").length,
      warnings: findings.filter((finding) => finding.severity === "warning").length,
      statesNotReached: states.filter((state) => !state.reached).length,
      items: items.length,
      thirdPartyRequests: requests.length,
      trackerRequests: requests.filter((request) => request.tracker).length,
    },
  };
  const screenshots: Partial<Record<ScanState, Buffer>> = {};
  for (const observation of observations)
    if (observation.screenshot) screenshots[observation.state] = observation.screenshot;
  return { report, screenshots };
}

/** 0 clean, 1 errors found, 2 a state not reached (the audit is incomplete). */
export function exitCodeFor(report: ScanReport): 0 | 1 | 2 {
  if (report.summary.statesNotReached > 0) return 2;
  return report.summary.errors > 0 ? 1 : 0;
}
