// Browser scans share two cores with everything else: generous timeouts, one browser for the file.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  approximateSeconds,
  KNOWN_VENDORS,
  type KnownItem,
  knownItemFor,
  knownVendorForHost,
  parseDuration,
} from "@macaron/core";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  configPatch,
  exitCodeFor,
  launchScanBrowser,
  type ReportItem,
  renderText,
  type ScanBrowser,
  type ScanReport,
  type ScanState,
  type Sighting,
  scan,
  writeReportFiles,
} from "../src/index.ts";
import { siteConfig } from "./site/config.ts";
import { captureTruth, findingMatches, violationPages } from "./site/ground-truth.ts";
import { KNOWN_VENDOR_STANDINS } from "./site/known-vendors.ts";
import { SHOP, startTestSite, type TestSite } from "./site/server.ts";

let site: TestSite;
let browser: ScanBrowser;
/** Reports of the labelled pages, by page name, reused by later tests instead of scanning again. */
const scanned = new Map<string, ScanReport>();

beforeAll(async () => {
  site = await startTestSite();
  browser = await launchScanBrowser(site.browserArgs);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function scanPage(path: string, services?: readonly unknown[]): Promise<ScanReport> {
  const { report } = await scan({
    url: `${SHOP}${path}`,
    browser,
    maxPages: 1,
    maxDepth: 0,
    ...(services ? { config: siteConfig(services) } : {}),
  });
  return report;
}

const schema = JSON.parse(readFileSync(new URL("../schema/report.schema.json", import.meta.url), "utf8"));
const validateReport = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

describe("the labelled test site: every planted violation, nothing else", { timeout: 120_000 }, () => {
  const totals = { expected: 0, found: 0, reported: 0, correct: 0 };
  const pages = violationPages();

  for (const truth of pages) {
    it(`${truth.name}: ${truth.description}`, async () => {
      const report = await scanPage(truth.path, truth.services);
      scanned.set(truth.name, report);
      expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
      const missing = truth.findings.filter(
        (expected) => !report.findings.some((found) => findingMatches(found, expected)),
      );
      const unexpected = report.findings.filter(
        (found) => !truth.findings.some((expected) => findingMatches(found, expected)),
      );
      totals.expected += truth.findings.length;
      totals.found += truth.findings.length - missing.length;
      totals.reported += report.findings.length;
      totals.correct += report.findings.length - unexpected.length;
      expect({
        missing,
        unexpected: unexpected.map((found) => [found.kind, found.state, found.item]),
      }).toEqual({
        missing: [],
        unexpected: [],
      });
      const stored = report.items.map((item) => `${item.type} ${item.name}`).sort();
      expect(stored).toEqual([...truth.items].sort());
      const notReached = truth.findings.some((expected) => expected.kind === "state-not-reached");
      expect(exitCodeFor(report)).toBe(notReached ? 2 : report.summary.errors > 0 ? 1 : 0);
    });
  }

  it("reaches 100% recall and 100% precision over all pages, with nothing on the compliant page", () => {
    expect(totals.expected).toBeGreaterThan(20);
    const recall = totals.found / totals.expected;
    const precision = totals.correct / totals.reported;
    process.stdout.write(
      `scanner ground truth: ${totals.found}/${totals.expected} planted findings found (recall ${(recall * 100).toFixed(1)}%), ${totals.correct}/${totals.reported} reported were planted (precision ${(precision * 100).toFixed(1)}%)\n`,
    );
    expect(recall).toBe(1);
    expect(precision).toBe(1);
    expect(pages.find((page) => page.name === "compliant")?.findings).toEqual([]);
  });
});

describe("capture", { timeout: 120_000 }, () => {
  let report: ScanReport;
  const truth = captureTruth();

  beforeAll(async () => {
    report = await scanPage(truth.path);
  });

  it("records every planted item with its lifetime asked, its setter and its classification", () => {
    for (const expected of truth.items) {
      const item = report.items.find((candidate) => candidate.id === expected.id);
      expect(item, expected.id).toBeDefined();
      expect(item).toMatchObject(expected);
    }
    const planted = new Set(truth.items.map((item) => item.id));
    expect(report.items.map((item) => item.id).filter((id) => !planted.has(id))).toEqual([]);
  });

  it("lists the cookie the browser refused apart, with Chromium's reason, and never as stored", () => {
    for (const refused of truth.refused) {
      const found = report.refusedCookies.filter((candidate) => candidate.name === refused.name);
      expect(found.length).toBeGreaterThan(0);
      expect(found[0]?.domain).toBe(refused.domain);
      expect(found[0]?.reasons.length).toBeGreaterThan(0);
      expect(report.items.some((item) => item.name === refused.name)).toBe(false);
    }
  });

  it("flags beacons to trackers even without cookies", () => {
    for (const expected of truth.requests) {
      const request = report.requests.find(
        (candidate) => candidate.host === expected.host && candidate.type === expected.type,
      );
      expect(request, expected.host).toMatchObject(expected);
    }
  });

  it("keeps both lifetimes: 2 years asked, 400 days kept by Chromium", () => {
    const bundle = scanned.get("lifetime-13-months")?.items.find((item) => item.name === "cto_bundle");
    expect(bundle?.askedLifetime).toBe(63_072_000);
    expect(Math.round((bundle?.storedLifetime ?? 0) / 86_400)).toBe(400);
  });

  it("says third-party cookies were allowed, and drives a non-Macaron banner by its French and English names", async () => {
    expect(report.method.thirdPartyCookies).toBe("allowed");
    const other = await scanPage("/other-banner");
    expect(other.states.map((state) => [state.state, state.reached])).toEqual([
      ["none", true],
      ["reject", true],
      ["accept", true],
      ["withdraw", true],
    ]);
  });
});

describe("every vendor of the knowledge base, on the vendors page", { timeout: 120_000 }, () => {
  let report: ScanReport;

  beforeAll(async () => {
    report = await scanPage("/vendors");
  });

  const seenIn = (row: { readonly seen: readonly Sighting[] }, state: ScanState) =>
    row.seen.some((sighting) => sighting.state === state);
  // The knowledge base's own reading of an observed item: which of its entries it is.
  const entryOf = (item: ReportItem) =>
    item.type === "indexedDB"
      ? undefined
      : knownItemFor({
          type: item.type,
          name: item.name,
          ...(item.type === "cookie" ? { domain: item.domain } : {}),
        });
  const label = (known: KnownItem) =>
    `${known.type ?? "cookie"} ${known.name ?? known.pattern}${known.domain ? ` ${known.domain}` : ""}`;
  /** The lifetime asked for a documented retention, as the report gives it: whole minutes, null for a session. */
  const askedFor = (retention: string) => {
    const duration = parseDuration(retention);
    if (duration === undefined) throw new Error(`not a duration: ${retention}`);
    return duration === "session" ? null : Math.round(approximateSeconds(duration) / 60) * 60;
  };

  it("has a stand-in for each vendor of the knowledge base, and for no other", () => {
    expect(Object.keys(KNOWN_VENDOR_STANDINS).sort()).toEqual(
      KNOWN_VENDORS.map((vendor) => vendor.id).sort(),
    );
  });

  it.each(KNOWN_VENDORS.map((vendor) => [vendor.name, vendor] as const))(
    "%s: every item it lists and its stand-in's hosts, classified to it once accepted; before a choice, necessary only if it is",
    (_name, vendor) => {
      const standIn = KNOWN_VENDOR_STANDINS[vendor.id];
      const urls = standIn ? [standIn.tag, ...(standIn.request ? [standIn.request.url] : [])] : [];
      // The stand-in's requests to the vendor's own hosts (Shopify analytics also loads from Shopify's CDN).
      const hosts = [...new Set(urls.map((url) => new URL(url).hostname))].filter((host) =>
        knownVendorForHost(host, [vendor]),
      );
      const accepted = report.items.filter((item) => seenIn(item, "accept"));
      const found = (known: KnownItem) =>
        accepted
          .filter((item) => entryOf(item)?.item === known)
          .map((item) => ({
            name: item.name,
            service: item.service,
            category: item.category,
            classifiedBy: item.classifiedBy,
            ...(item.type === "cookie"
              ? { thirdParty: item.thirdParty, askedLifetime: item.askedLifetime }
              : {}),
          }));
      const expected = (known: KnownItem) => [
        {
          name: known.name ?? expect.any(String),
          service: vendor.id,
          category: vendor.category,
          classifiedBy: "knowledge-base",
          ...((known.type ?? "cookie") === "cookie"
            ? { thirdParty: known.domain !== undefined, askedLifetime: askedFor(known.retention) }
            : {}),
        },
      ];
      const requestsTo = (host: string) => [
        ...new Set(
          report.requests
            .filter((request) => request.host === host && seenIn(request, "accept"))
            .map((request) => `${request.vendor} ${request.category}`),
        ),
      ];
      expect({
        items: Object.fromEntries(vendor.items.map((known) => [label(known), found(known)])),
        requests: Object.fromEntries(hosts.map((host) => [host, requestsTo(host)])),
      }).toEqual({
        items: Object.fromEntries(vendor.items.map((known) => [label(known), expected(known)])),
        requests: Object.fromEntries(hosts.map((host) => [host, [`${vendor.id} ${vendor.category}`]])),
      });
      expect(hosts.length > 0, "a request to one of the vendor's hosts").toBe(vendor.hosts.length > 0);

      // The page takes a scroll for consent, so the none state loads them too: heuristics or hosts
      // must never make a tracker's item necessary, and a documented necessary vendor stays exempt.
      const necessary = vendor.category === "necessary";
      const before = [
        ...report.items
          .filter((item) => seenIn(item, "none") && entryOf(item)?.vendor === vendor)
          .map((item) => ({ row: item.id, necessary: item.category === "necessary" || item.exempt })),
        ...report.requests
          .filter((request) => seenIn(request, "none") && hosts.includes(request.host))
          .map((request) => ({
            row: `request ${request.host}`,
            necessary: request.category === "necessary",
          })),
      ];
      expect(before.length).toBeGreaterThan(0);
      expect(before.filter((row) => row.necessary !== necessary)).toEqual([]);
    },
  );
});

describe("crawl", { timeout: 120_000 }, () => {
  const links = (...hrefs: string[]) => hrefs.map((href) => `<a href="${href}">${href}</a>`).join("\n");

  beforeAll(() => {
    const pages = site.extraPages;
    pages.set(`${SHOP}/crawl/`, {
      body: links(
        "/crawl/a",
        "/crawl/b?x=1",
        "/crawl/b?x=2#top",
        "/crawl/data.json",
        "/crawl/slow",
        "/crawl/away",
        "https://blog.shop.test/crawl/sub",
        "https://elsewhere.test/",
        "mailto:shop@shop.test",
      ),
    });
    pages.set(`${SHOP}/crawl/a`, { body: links("/crawl/deep1") });
    pages.set(`${SHOP}/crawl/b`, { body: "b" });
    pages.set(`${SHOP}/crawl/data.json`, { headers: { "content-type": "application/json" }, body: "{}" });
    pages.set(`${SHOP}/crawl/slow`, { hang: true });
    pages.set(`${SHOP}/crawl/away`, { status: 302, headers: { location: "https://elsewhere.test/" } });
    pages.set("https://blog.shop.test/crawl/sub", { body: "blog" });
    pages.set(`${SHOP}/crawl/deep1`, { body: links("/crawl/deep2") });
    pages.set(`${SHOP}/crawl/deep2`, { body: links("/crawl/deep3") });
  });

  it("goes breadth-first over the registrable domain, drops query strings, records and skips what is not a page", async () => {
    const { report } = await scan({
      url: `${SHOP}/crawl/`,
      browser,
      maxPages: 20,
      maxDepth: 2,
      timeoutSeconds: 2,
    });
    const none = report.states.find((state) => state.state === "none");
    expect(none?.pages.map((page) => [page.url, page.depth, page.status])).toEqual([
      [`${SHOP}/crawl/`, 0, "ok"],
      [`${SHOP}/crawl/a`, 1, "ok"],
      [`${SHOP}/crawl/b`, 1, "ok"],
      [`${SHOP}/crawl/data.json`, 1, "not-html"],
      [`${SHOP}/crawl/slow`, 1, "timeout"],
      [`${SHOP}/crawl/away`, 1, "offsite"],
      ["https://blog.shop.test/crawl/sub", 1, "ok"],
      [`${SHOP}/crawl/deep1`, 2, "ok"],
    ]);
    // The same crawl in every state, none of which is reached on a site without a banner.
    expect(report.states.map((state) => state.reached)).toEqual([true, false, false, false]);
  });

  it("stops at --pages", async () => {
    const { report } = await scan({ url: `${SHOP}/crawl/`, browser, maxPages: 3, maxDepth: 2 });
    expect(report.states[0]?.pages.map((page) => page.url)).toEqual([
      `${SHOP}/crawl/`,
      `${SHOP}/crawl/a`,
      `${SHOP}/crawl/b`,
    ]);
  });
});

describe("outputs", { timeout: 120_000 }, () => {
  const compliant = violationPages().find((page) => page.name === "compliant");

  it("gives the same JSON on a second run, apart from timestamps", async () => {
    const first = scanned.get("compliant") ?? (await scanPage("/compliant", compliant?.services));
    const second = await scanPage("/compliant", compliant?.services);
    const stable = (report: ScanReport) => ({ ...report, startedAt: "", finishedAt: "" });
    expect(stable(second)).toEqual(stable(first));
  });

  it("writes a standalone HTML evidence document with a screenshot per state, every site string escaped", async () => {
    site.extraPages.set(`${SHOP}/hostile`, {
      body: `<script src="/macaron-standin.js"></script><script>localStorage.setItem("<img src=x onerror=alert('x')>", "1")</script><a data-macaron-open href="#">c</a>`,
    });
    const result = await scan({ url: `${SHOP}/hostile`, browser, maxPages: 1, maxDepth: 0 });
    const directory = mkdtempSync(join(tmpdir(), "macaron-report-"));
    const files = writeReportFiles(result, directory, undefined);
    const html = readFileSync(files.html, "utf8");
    expect(html.match(/src="data:image\/jpeg;base64,/g)).toHaveLength(4);
    expect(html).toContain(result.report.browser.userAgent.replace(/&/g, "&amp;"));
    expect(html).toContain(`Chromium ${result.report.browser.version}`);
    expect(html).toContain("&lt;img src=x onerror=alert(&#39;x&#39;)&gt;");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toMatch(/<link|<script|src="http/);
    const json = JSON.parse(readFileSync(files.json, "utf8"));
    expect(validateReport(json), JSON.stringify(validateReport.errors)).toBe(true);
  });

  it("prints findings first, then a table per category, and proposes the undeclared item in config-patch.json", async () => {
    const truth = violationPages().find((page) => page.name === "undeclared");
    const config = siteConfig(truth?.services ?? []);
    const result = await scan({ url: `${SHOP}${truth?.path}`, browser, maxPages: 1, maxDepth: 0, config });
    const text = renderText(result.report);
    expect(text.indexOf("Findings: 1 error")).toBeLessThan(text.indexOf("Category analytics"));
    expect(text).toMatch(/ERROR undeclared-item \[accept\]/);
    const patch = configPatch(result.report, config);
    expect(patch.addToServices.clarity).toEqual([
      expect.objectContaining({ type: "cookie", name: "_clsk", retention: "1 day" }),
    ]);
    expect(patch.services).toEqual([]);
  });
});
