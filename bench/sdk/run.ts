/**
 * The browser SDK against its peers: the same 4-category banner of Macaron, vanilla-cookieconsent,
 * klaro and tarteaucitronjs, served from 127.0.0.1 and loaded in headless Chromium (fresh context,
 * nothing cached), median of 10 page loads per product, unthrottled and at 4× CPU slowdown.
 * Other hosts do not resolve: a third-party request is counted, never answered.
 * Run: `npm run bench:sdk -w @macaron/bench` or `node --import tsx bench/sdk/run.ts`
 * (writes its section of bench/RESULTS.md).
 */
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { loadavg } from "node:os";
import { brotliCompressSync, constants } from "node:zlib";
import { listenLocally } from "@macaron/testing";
import { machineLine, markdownTable, writeResultsSection } from "../results.ts";
import { type BareChromium, type BarePage, launchBareChromium } from "./bare-chromium.ts";
import { type Product, products } from "./products.ts";

interface PageBench {
  readonly bannerAt: number;
  readonly longTasks: number[];
  readonly cls: number;
}

/** Per product, the third-party addresses (without query) its page asked for. */
const thirdPartyUrls = new Map<string, Set<string>>();

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const SETTLE_MS = 1000;

/** The same page without any CMP, its heading standing for the banner: what the page and this bench's observer cost alone. */
const BASELINE: Product = {
  name: "baseline",
  version: "(no CMP)",
  head: "",
  files: {},
  banner: `document.querySelector("h1")`,
};

interface Sample {
  readonly requests: number;
  readonly thirdParty: number;
  readonly transferred: number;
  readonly brotli: number;
  readonly scriptMs: number;
  readonly bannerMs: number;
  readonly longTasks: number;
  readonly longTaskMs: number;
  readonly cls: number;
}

const brotliSizes = new Map<string, number>();
function brotliSize(body: Buffer): number {
  const key = body.toString("base64");
  let size = brotliSizes.get(key);
  if (size === undefined) {
    size = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    brotliSizes.set(key, size);
  }
  return size;
}

function pageHtml(product: Product): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>${product.head}</head>
<body><main><h1>Children's fashion</h1><p>Spring collection.</p></main></body></html>`;
}

/**
 * Watches, from before any script of the page, for the banner's first visible frame, long tasks and
 * layout shifts. The visibility check runs once per frame until the banner shows; it reads the box
 * and `checkVisibility` (opacity and visibility of the element and its ancestors) rather than
 * `getComputedStyle`, which added 2–5 ms at 4× slowdown to every product's script time here. The
 * time taken is when that frame's callback runs, not the frame's begin time that requestAnimationFrame
 * passes: a long task delays the frame but not its begin time (klaro at 4×: 91 ms by the begin time,
 * 249 ms by the clock, its banner inserted in between).
 */
function observerScript(banner: string): string {
  return `(() => {
  let resolveShown;
  const bench = (window.__bench = { bannerAt: 0, longTasks: [], cls: 0, shown: new Promise((resolve) => { resolveShown = resolve; }) });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) bench.longTasks.push(e.duration); }).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) bench.cls += e.value; }).observe({ type: "layout-shift", buffered: true });
  const shown = (el) => !!el && el.offsetWidth > 0 && el.offsetHeight > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const check = () => { if (shown(${banner})) { bench.bannerAt = performance.now(); resolveShown(); } else requestAnimationFrame(check); };
  requestAnimationFrame(check);
})();`;
}

/** Waits for the observer's promise with one evaluation in the page. */
async function bannerShown(page: BarePage): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("the banner did not show within 30 s")), 30_000);
  });
  try {
    await Promise.race([
      page.send("Runtime.evaluate", { expression: "window.__bench.shown", awaitPromise: true }),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function measureOnce(
  browser: BareChromium,
  origin: string,
  product: Product,
  cpuRate: number,
  served: Buffer[],
) {
  const page = await browser.newPage();
  await page.send("Page.addScriptToEvaluateOnNewDocument", { source: observerScript(product.banner) });
  await page.send("Emulation.setCPUThrottlingRate", { rate: cpuRate });
  await page.send("Performance.enable");
  await page.send("Network.enable");
  await page.send("Network.setCacheDisabled", { cacheDisabled: true });
  let requests = 0;
  let thirdParty = 0;
  let transferred = 0;
  page.on("Network.requestWillBeSent", (event) => {
    // data: and blob: addresses load nothing over the network.
    if (!/^https?:/.test(event.request.url)) return;
    requests++;
    if (event.request.url.startsWith(origin)) return;
    thirdParty++;
    const urls = thirdPartyUrls.get(product.name) ?? new Set<string>();
    urls.add(event.request.url.split("?")[0] ?? "");
    thirdPartyUrls.set(product.name, urls);
  });
  page.on("Network.loadingFinished", (event) => {
    transferred += event.encodedDataLength;
  });
  served.length = 0;
  await page.load(`${origin}/p/${product.name}`);
  await bannerShown(page);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const { metrics } = await page.send("Performance.getMetrics");
  const { result } = await page.send("Runtime.evaluate", {
    expression: "window.__bench",
    returnByValue: true,
  });
  const bench = result.value as PageBench;
  await page.close();
  const sample: Sample = {
    requests,
    thirdParty,
    transferred,
    brotli: served.reduce((sum, body) => sum + brotliSize(body), 0),
    scriptMs: (metrics.find((metric) => metric.name === "ScriptDuration")?.value ?? Number.NaN) * 1000,
    bannerMs: bench.bannerAt,
    longTasks: bench.longTasks.length,
    longTaskMs: bench.longTasks.reduce((sum, duration) => sum + duration, 0),
    cls: bench.cls,
  };
  return sample;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function medianSample(samples: readonly Sample[]): Sample {
  const of = (key: keyof Sample) => median(samples.map((sample) => sample[key]));
  return {
    requests: of("requests"),
    thirdParty: of("thirdParty"),
    transferred: of("transferred"),
    brotli: of("brotli"),
    scriptMs: of("scriptMs"),
    bannerMs: of("bannerMs"),
    longTasks: of("longTasks"),
    longTaskMs: of("longTaskMs"),
    cls: of("cls"),
  };
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0] ?? 0;
  const list = [BASELINE, ...(await products())];
  const served: Buffer[] = [];
  const files = new Map<string, Buffer>();
  for (const product of list) {
    files.set(`/p/${product.name}`, Buffer.from(pageHtml(product)));
    const base = `/${product.name.toLowerCase()}`;
    if (product.configScript) files.set(`${base}/config.js`, Buffer.from(product.configScript));
    for (const [path, file] of Object.entries(product.files))
      files.set(`${base}/${path}`, readFileSync(file));
  }
  const types: Record<string, string> = { js: "text/javascript", css: "text/css" };
  const server = await listenLocally((request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    const body = files.get(path);
    if (!body) {
      response.writeHead(404).end();
      return;
    }
    served.push(body);
    const type = types[path.split(".").pop() ?? ""] ?? "text/html; charset=utf-8";
    response.writeHead(200, { "content-type": type, "cache-control": "no-store" });
    response.end(body);
  });
  const browser = await launchBareChromium(["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]);
  const results: { product: Product; rate: number; sample: Sample }[] = [];
  try {
    for (const rate of [1, 4]) {
      // Round-robin, so that a busy moment of the machine falls on every product alike.
      const samples = list.map(() => [] as Sample[]);
      for (const product of list) await measureOnce(browser, server.url, product, rate, served); // warm-up
      for (let run = 0; run < RUNS; run++)
        for (const [index, product] of list.entries())
          samples[index]?.push(await measureOnce(browser, server.url, product, rate, served));
      for (const [index, product] of list.entries()) {
        const sample = medianSample(samples[index] ?? []);
        results.push({ product, rate, sample });
        console.log(`${rate}× ${product.name}: ${JSON.stringify(sample)}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  writeResultsSection("sdk", report(results, [loadBefore, loadavg()[0] ?? 0]));
  console.log("bench/RESULTS.md: section sdk written");
}

const round = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");

function report(
  results: readonly { product: Product; rate: number; sample: Sample }[],
  load: readonly [number, number],
): string {
  const sections: string[] = [];
  for (const rate of [1, 4]) {
    const rows = results.filter((result) => result.rate === rate);
    const macaron = rows.find((row) => row.product.name === "Macaron")?.sample;
    const ratio = (value: number, base: number | undefined) =>
      base ? `${(value / base).toFixed(1)}×` : "n/a";
    sections.push(
      `### ${rate === 1 ? "Unthrottled CPU" : "4× CPU slowdown (CDP Emulation.setCPUThrottlingRate)"}`,
      "",
      markdownTable(
        [
          "product",
          "requests (third-party)",
          "bytes transferred",
          "brotli of what loads",
          "script time ms",
          "navigation → banner visible ms",
          "long tasks (total ms)",
          "CLS",
        ],
        rows.map(({ product, sample }) => [
          `${product.name} ${product.version}`,
          `${sample.requests} (${sample.thirdParty})`,
          `${sample.transferred} (${ratio(sample.transferred, macaron?.transferred)})`,
          `${sample.brotli} (${ratio(sample.brotli, macaron?.brotli)})`,
          `${round(sample.scriptMs)} (${ratio(sample.scriptMs, macaron?.scriptMs)})`,
          `${round(sample.bannerMs)} (${ratio(sample.bannerMs, macaron?.bannerMs)})`,
          `${sample.longTasks} (${round(sample.longTaskMs, 0)})`,
          round(sample.cls, 3),
        ]),
      ),
      "",
    );
  }
  const thirdParties = [...thirdPartyUrls]
    .map(([name, urls]) => `${name}: ${[...urls].map((url) => `\`${url}\``).join(", ")}`)
    .join("; ");
  return `## Browser SDK against its peers (\`bench/sdk/run.ts\`)

${machineLine()}, headless Chromium. The same page (one heading, one paragraph) with the same
4-category banner (necessary, analytics, advertising, social; English; Accept all / Reject all /
preferences), each product configured as its documentation shows and loaded from the page head
(klaro and vanilla-cookieconsent with \`defer\`, as their documentation loads them: both need \`<body>\`); vanilla-cookieconsent with \`hideFromBots: false\`. Median of
${RUNS} loads per product (products taken in turn) in a fresh browser context (nothing cached),
before any click. Macaron's configuration is the seed's (7 services, 15 cookies with their
descriptions and retentions) in English only, as the peers are configured in English only. Ratios are
against Macaron (peer ÷ Macaron). "bytes transferred": every response as served (uncompressed, page
included; Macaron's configuration is inline in the page). "brotli of what loads": each response
compressed at brotli quality 11, summed. "script time": Chromium's \`ScriptDuration\` for the page
(the bench's observer included, see the baseline row). "banner visible": the time at which the first
animation frame runs in which the first layer has a box and neither it nor an ancestor is transparent or
hidden (a product that fades in is counted from its first frame; the clock, not the frame's begin time,
which a long task would leave in the past). Long tasks and CLS: PerformanceObserver, buffered.
Third-party hosts do not resolve: such requests are counted, never answered. "baseline (no CMP)": the
same page without any CMP, its heading taken for the banner: what the page and this bench's own observer
cost, included in every row. Chromium is driven over bare CDP (\`bench/sdk/bare-chromium.ts\`): no DevTools
session enables \`Runtime\`, which would make V8 capture and re-parse the whole stack wherever Blink
records a source location (a \`document.cookie\` read, for one), as no visitor's browser does. Chromium
runs without its WebUI omnibox popups, which it would otherwise load in a renderer of their own for every
new window, i.e. during every measured load. Load average (1 min)
at start and end of the run: ${load.map((value) => value.toFixed(1)).join(" and ")}: other work shared
the cores, so absolute times are inflated; products were measured in turn, so ratios hold.
Third-party addresses asked for before any click: ${thirdParties || "none"}.

${sections.join("\n")}`;
}

await main();
