/**
 * One state's visit of the site, in its own browser context: breadth-first over same-site links,
 * bounded by pages and depth. Each page is loaded, the state reached on the first one, then the
 * page waits for quiet, scrolls to the bottom, waits again, and what it stored is read.
 */
import type { BrowserContext, Page } from "playwright-core";
import { reachState, type ScanState, type StateOutcome } from "./banner.ts";
import {
  type CookieWrite,
  hostOf,
  type LoggedRequest,
  NetworkLog,
  type RefusedCookie,
  withoutQuery,
} from "./network-log.ts";
import { RECORDER_BINDING, RECORDER_SCRIPT, type RecordedWrite } from "./recorder-script.ts";
import { parseCookieLine, parseCookieStoreOptions } from "./set-cookie.ts";
import { pageKey, registrableDomain, sameSite } from "./site.ts";

export type PageStatus = "ok" | "timeout" | "crashed" | "offsite" | "not-html" | "failed";

export interface PageVisit {
  readonly url: string;
  readonly depth: number;
  readonly status: PageStatus;
  readonly detail?: string;
}

export interface StoredCookie {
  readonly name: string;
  readonly domain: string;
  readonly path: string;
  readonly httpOnly: boolean;
  readonly secure: boolean;
  readonly sameSite: string;
  /** Top-level site of a partitioned (CHIPS) cookie. */
  readonly partitionKey?: string;
  /** Seconds the browser keeps it, `null` for a session cookie. */
  readonly storedLifetime: number | null;
  readonly page: string;
}

export interface StoredKey {
  readonly type: "localStorage" | "sessionStorage" | "indexedDB";
  readonly name: string;
  readonly origin: string;
  readonly page: string;
}

export interface StateObservation {
  readonly state: ScanState;
  readonly reached: boolean;
  readonly notReachedReason?: string;
  readonly pages: PageVisit[];
  readonly cookies: StoredCookie[];
  readonly storage: StoredKey[];
  readonly requests: LoggedRequest[];
  readonly refused: RefusedCookie[];
  readonly writes: CookieWrite[];
  /** Who wrote each storage key: `type origin key` → script URL. */
  readonly storageSetters: Map<string, string>;
  readonly screenshot?: Buffer;
}

export interface CrawlOptions {
  readonly startUrl: string;
  readonly maxPages: number;
  readonly maxDepth: number;
  readonly timeoutMs: number;
  readonly quietMs: number;
  readonly onPage?: (state: ScanState, url: string) => void;
}

interface CdpCookie {
  name: string;
  domain: string;
  path: string;
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  session: boolean;
  sameSite?: string;
  partitionKey?: { topLevelSite: string } | string;
}

const FRAME_STORAGE = `(async () => {
  const keys = (storage) => { try { return Object.keys(storage); } catch (_) { return []; } };
  let databases = [];
  try { databases = (await indexedDB.databases()).map((database) => database.name).filter(Boolean); } catch (_) {}
  return { origin: location.origin, local: keys(localStorage), session: keys(sessionStorage), databases };
})()`;

const LINKS = "Array.from(document.querySelectorAll('a[href]'), (a) => a.href)";

function storageKey(type: string, origin: string, name: string): string {
  return `${type} ${origin} ${name}`;
}

export async function crawlState(
  context: BrowserContext,
  state: ScanState,
  options: CrawlOptions,
): Promise<StateObservation> {
  const siteDomain = registrableDomain(hostOf(options.startUrl));
  const log = new NetworkLog();
  const storageSetters = new Map<string, string>();
  await context.exposeBinding(RECORDER_BINDING, (_source, payload: string) => {
    const write = JSON.parse(payload) as RecordedWrite;
    log.touch();
    const setter = write.script || "unknown";
    if (write.kind === "localStorage" || write.kind === "sessionStorage") {
      const key = storageKey(write.kind, write.origin, write.value);
      if (!storageSetters.has(key)) storageSetters.set(key, setter);
      return;
    }
    const asked =
      write.kind === "cookie"
        ? parseCookieLine(write.value, write.at)
        : parseCookieStoreOptions(write.value, write.at);
    if (asked) log.writes.push({ ...asked, host: hostOf(write.origin), setter, at: write.at });
  });
  await context.addInitScript(RECORDER_SCRIPT);

  const observation: StateObservation = {
    state,
    reached: true,
    pages: [],
    cookies: [],
    storage: [],
    requests: [],
    refused: log.refused,
    writes: log.writes,
    storageSetters,
  };
  const cookies = new Map<string, StoredCookie>();
  const storage = new Map<string, StoredKey>();
  let page = await openPage(context, log);
  const queue: { url: string; depth: number }[] = [{ url: options.startUrl, depth: 0 }];
  const queued = new Set([pageKey(new URL(options.startUrl))]);
  const settle = () => log.waitForQuiet(options.quietMs, Math.min(options.timeoutMs, 10_000));
  let first = true;

  while (queue.length > 0 && observation.pages.length < options.maxPages) {
    const next = queue.shift() as { url: string; depth: number };
    options.onPage?.(state, next.url);
    log.page = withoutQuery(next.url);
    const loaded = await load(page, next.url, options.timeoutMs, siteDomain);
    if (loaded.status !== "ok") {
      observation.pages.push({
        url: log.page,
        depth: next.depth,
        status: loaded.status,
        detail: loaded.detail,
      });
      if (loaded.status === "crashed" || loaded.status === "timeout")
        page = await replacePage(page, context, log);
      continue;
    }
    try {
      await settle();
      if (first) {
        first = false;
        let outcome: StateOutcome;
        try {
          outcome = await reachState(page, state, { settle, beforeDecision: () => log.takeRequests(true) });
        } catch (error) {
          // A decision that failed half-way leaves the state unknown: never audit it as reached.
          outcome = { reached: false, reason: `the banner could not be operated: ${message(error)}` };
        }
        if (!outcome.reached) {
          Object.assign(observation, { reached: false, notReachedReason: outcome.reason });
          observation.pages.push({ url: log.page, depth: next.depth, status: "ok" });
          break;
        }
        if (state !== "none") await settle();
      }
      // The scroll's own writes arrive after it: start the quiet window now.
      log.touch();
      await page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)");
      await settle();
      await readStorage(page, log, cookies, storage);
      if (observation.screenshot === undefined) {
        Object.assign(observation, { screenshot: await page.screenshot({ type: "jpeg", quality: 60 }) });
      }
      observation.pages.push({ url: log.page, depth: next.depth, status: "ok" });
      observation.requests.push(...log.takeRequests(true));
      if (next.depth < options.maxDepth) {
        for (const link of (await page.evaluate(LINKS)) as string[]) {
          const url = safeUrl(link);
          if (!url || !/^https?:$/.test(url.protocol) || !sameSite(url.hostname, siteDomain)) continue;
          const key = pageKey(url);
          if (queued.has(key)) continue;
          queued.add(key);
          queue.push({ url: key, depth: next.depth + 1 });
        }
      }
    } catch (error) {
      observation.pages.push({ url: log.page, depth: next.depth, status: "failed", detail: message(error) });
      page = await replacePage(page, context, log);
    }
  }
  observation.requests.push(...log.takeRequests(true));
  observation.cookies.push(...cookies.values());
  observation.storage.push(...storage.values());
  await page.close().catch(() => undefined);
  return observation;
}

async function openPage(context: BrowserContext, log: NetworkLog): Promise<Page> {
  const page = await context.newPage();
  await log.attach(await context.newCDPSession(page));
  return page;
}

async function replacePage(page: Page, context: BrowserContext, log: NetworkLog): Promise<Page> {
  await page.close().catch(() => undefined);
  return openPage(context, log);
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

async function load(
  page: Page,
  url: string,
  timeoutMs: number,
  siteDomain: string,
): Promise<{ status: PageStatus; detail?: string }> {
  try {
    const response = await page.goto(url, { waitUntil: "load", timeout: timeoutMs });
    const finalHost = hostOf(page.url());
    if (!sameSite(finalHost, siteDomain)) return { status: "offsite", detail: withoutQuery(page.url()) };
    const type = response?.headers()["content-type"] ?? "text/html";
    if (!/html/i.test(type)) return { status: "not-html", detail: type };
    return { status: "ok" };
  } catch (error) {
    const text = message(error);
    if (/timeout/i.test(text)) return { status: "timeout", detail: `no load event within ${timeoutMs} ms` };
    if (/crash/i.test(text)) return { status: "crashed", detail: text };
    if (/download/i.test(text)) return { status: "not-html", detail: "a download" };
    return { status: "failed", detail: text };
  }
}

async function readStorage(
  page: Page,
  log: NetworkLog,
  cookies: Map<string, StoredCookie>,
  storage: Map<string, StoredKey>,
): Promise<void> {
  const session = await page.context().newCDPSession(page);
  const now = Date.now() / 1000;
  const { cookies: jar } = (await session.send("Network.getAllCookies")) as { cookies: CdpCookie[] };
  await session.detach();
  for (const cookie of jar) {
    const partition = cookie.partitionKey;
    const partitionKey = typeof partition === "string" ? partition : partition?.topLevelSite;
    const key = `${cookie.name} ${cookie.domain} ${cookie.path} ${partitionKey ?? ""}`;
    if (cookies.has(key)) continue;
    cookies.set(key, {
      name: cookie.name,
      domain: cookie.domain,
      path: cookie.path,
      httpOnly: cookie.httpOnly,
      secure: cookie.secure,
      sameSite: cookie.sameSite ?? "Lax",
      ...(partitionKey === undefined ? {} : { partitionKey }),
      storedLifetime: cookie.session || cookie.expires < 0 ? null : Math.round(cookie.expires - now),
      page: log.page,
    });
  }
  for (const frame of page.frames()) {
    let found: { origin: string; local: string[]; session: string[]; databases: string[] };
    try {
      found = (await frame.evaluate(FRAME_STORAGE)) as typeof found;
    } catch {
      continue;
    }
    if (!/^https?:/.test(found.origin)) continue;
    const add = (type: StoredKey["type"], name: string) => {
      const key = storageKey(type, found.origin, name);
      if (!storage.has(key)) storage.set(key, { type, name, origin: found.origin, page: log.page });
    };
    for (const name of found.local) add("localStorage", name);
    for (const name of found.session) add("sessionStorage", name);
    for (const name of found.databases) add("indexedDB", name);
  }
}
