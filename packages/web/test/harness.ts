/**
 * What the SDK's browser tests share: the seed configuration turned into a client configuration,
 * a local site (pages, the built SDK, a ledger, and a third-party "tracker" host that records
 * every request it gets) and a Chromium that resolves *.localhost names to it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { type ClientConfig, clientConfig, parseConfig } from "@macaron/core";
import { type LocalServer, launchChromium, listenLocally } from "@macaron/testing";
import type { Browser, Page } from "playwright-core";

const WEB_ROOT = fileURLToPath(new URL("..", import.meta.url));
const SDK_FILE = `${WEB_ROOT}dist/macaron.js`;
const SEED_FILE = fileURLToPath(new URL("../../../examples/shop/macaron.config.json", import.meta.url));

/** The tests run the built SDK, as visitors get it; built here when `npm test` has not. */
export function builtSdk(): string {
  if (!existsSync(SDK_FILE)) execFileSync("node", ["--import", "tsx", "scripts/build.ts"], { cwd: WEB_ROOT });
  return readFileSync(SDK_FILE, "utf8");
}

export function seedInput(): Record<string, any> {
  return JSON.parse(readFileSync(SEED_FILE, "utf8"));
}

/** The seed configuration with changes, as the SDK gets it (a localStorage key added to analytics). */
export async function testClientConfig(change: (input: Record<string, any>) => void = () => {}) {
  const input = seedInput();
  input.services[2].cookies.push({
    type: "localStorage",
    pattern: "_ga_store_*",
    retention: "2 years",
    description: { fr: "Mesure.", en: "Measurement." },
  });
  input.services[2].cookies.push({
    type: "sessionStorage",
    name: "_ga_session",
    retention: "session",
    description: { fr: "Mesure.", en: "Measurement." },
  });
  change(input);
  const config = parseConfig(input);
  return { config, client: await clientConfig(config) };
}

export interface RecordedRequest {
  readonly host: string;
  readonly method: string;
  readonly path: string;
  readonly contentType: string | undefined;
  readonly body: string;
}

export interface PageOptions {
  readonly client: ClientConfig;
  readonly body?: string;
  readonly head?: string;
  readonly lang?: string;
  readonly headers?: Record<string, string>;
  /** Config through `data-config` (fetched) instead of inline. */
  readonly configUrl?: boolean;
}

export interface TestSite {
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** Answer for the ledger: 204, or e.g. 503 to play a ledger that is down. */
  ledgerStatus: number;
  /** Serves a page at `path` (on every host). */
  page(path: string, options: PageOptions): void;
  url(path: string, host?: string): string;
  trackerRequests(): RecordedRequest[];
  close(): Promise<void>;
}

export const TRACKER_HOST = "tracker.localhost";

/** A third-party script that records its run in `window.ran`. */
function trackerScript(name: string): string {
  return `(window.ran = window.ran || []).push(${JSON.stringify(name)});`;
}

function pageHtml(options: PageOptions): string {
  const config = JSON.stringify(options.client).replace(/</g, "\\u003c");
  const tags = options.configUrl
    ? `<script src="/macaron.js" data-config="/client-config.json"></script>`
    : `<script type="application/json" id="macaron-config">${config}</script>\n<script src="/macaron.js"></script>`;
  return `<!doctype html><html lang="${options.lang ?? "en"}"><head><meta charset="utf-8"><title>Test shop</title>
${tags}${options.head ?? ""}</head><body><main><h1>Test shop</h1>${options.body ?? ""}</main></body></html>`;
}

export async function startSite(): Promise<TestSite> {
  const sdk = builtSdk();
  const pages = new Map<string, PageOptions>();
  const requests: RecordedRequest[] = [];
  let server: LocalServer | undefined;
  const site: TestSite = {
    get port() {
      return server?.port ?? 0;
    },
    requests,
    ledgerStatus: 204,
    page: (path, options) => void pages.set(path, options),
    url: (path, host = "127.0.0.1") => `http://${host}:${server?.port}${path}`,
    trackerRequests: () => requests.filter((request) => request.host === TRACKER_HOST),
    close: () => server?.close() ?? Promise.resolve(),
  };
  const handle = (request: IncomingMessage, response: ServerResponse, body: string) => {
    const host = (request.headers.host ?? "").replace(/:\d+$/, "");
    const path = request.url ?? "/";
    requests.push({
      host,
      method: request.method ?? "GET",
      path,
      contentType: request.headers["content-type"],
      body,
    });
    const send = (status: number, type: string, content = "", headers: Record<string, string> = {}) => {
      response.writeHead(status, { "content-type": type, "cache-control": "no-store", ...headers });
      response.end(content);
    };
    if (host === TRACKER_HOST) {
      if (path.endsWith(".js")) {
        // "slow-…" scripts take a while to arrive, as a busy third party does.
        const delay = path.startsWith("/slow-") ? 400 : 0;
        setTimeout(() => send(200, "text/javascript", trackerScript(path.slice(1))), delay);
        return;
      }
      return send(200, "text/html", "<!doctype html><title>embed</title><p>embedded</p>");
    }
    if (path === "/macaron.js") return send(200, "text/javascript", sdk);
    if (path.startsWith("/local/")) return send(200, "text/javascript", trackerScript(path.slice(7)));
    if (path === "/favicon.ico") return send(204, "image/x-icon");
    if (path === "/v1/consents") return send(site.ledgerStatus, "text/plain");
    const options = pages.get(path.split("?")[0] ?? "");
    if (path === "/client-config.json") {
      const any = [...pages.values()][0];
      return send(200, "application/json", JSON.stringify(any?.client));
    }
    if (!options) return send(404, "text/plain", "not found");
    return send(200, "text/html; charset=utf-8", pageHtml(options), options.headers);
  };
  server = await listenLocally((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      body += chunk;
    });
    request.on("end", () => handle(request, response, body));
  });
  return site;
}

/** Chromium resolving every *.localhost name (the shop, its parent domain, the tracker) to loopback. */
export function launchBrowser(): Promise<Browser> {
  return launchChromium({ args: ["--host-resolver-rules=MAP *.localhost 127.0.0.1"] });
}

/** Gated elements of a shop page: two scripts from the tracker around an inline one, a pixel, an iframe. */
export const GATED_BODY = `
<script type="text/plain" data-category="analytics" src="http://${TRACKER_HOST}:PORT/analytics-1.js" id="first" async></script>
<script type="text/plain" data-category="analytics">(window.ran = window.ran || []).push("inline-analytics")</script>
<script type="text/plain" data-category="advertising" src="http://${TRACKER_HOST}:PORT/ads.js"></script>
<script type="text/plain" data-category="analytics" src="http://${TRACKER_HOST}:PORT/analytics-2.js"></script>
<img data-category="advertising" data-src="http://${TRACKER_HOST}:PORT/pixel.gif" alt="">
<iframe data-category="social" data-service="instagram" data-src="http://${TRACKER_HOST}:PORT/embed" title="Instagram post"></iframe>
<footer><a href="#" data-macaron-open>Manage cookies</a></footer>`;

export function gatedBody(site: TestSite): string {
  return GATED_BODY.replaceAll("PORT", String(site.port));
}

/** Text of the SDK's banner, or undefined when it is not shown. */
export function bannerText(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const banner = document.getElementById("macaron")?.shadowRoot?.querySelector<HTMLElement>(".b");
    return banner && !banner.hidden ? banner.textContent : undefined;
  });
}

/** Clicks a button of the SDK's UI (banner, dialog) by its visible text. */
export async function clickSdkButton(page: Page, text: string, within = ".b"): Promise<void> {
  await page.locator(`#macaron ${within} button`, { hasText: text }).first().click();
}

/** The dataLayer's entries as plain arrays/objects (gtag pushes `arguments` objects). */
export function dataLayer(page: Page): Promise<unknown[]> {
  return page.evaluate(() =>
    ((window as any).dataLayer ?? []).map((entry: any) =>
      Object.prototype.toString.call(entry) === "[object Arguments]" ? Array.from(entry) : entry,
    ),
  );
}

export function ran(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as any).ran ?? []);
}
