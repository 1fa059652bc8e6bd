import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitCodeFor, launchScanBrowser, type ScanBrowser, type ScanReport, scan } from "../src/index.ts";
import { siteConfig } from "./site/config.ts";
import { captureTruth, findingMatches, violationPages } from "./site/ground-truth.ts";
import { SHOP, startTestSite, type TestSite } from "./site/server.ts";

let site: TestSite;
let browser: ScanBrowser;

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

describe("the labelled test site: every planted violation, nothing else", () => {
  const totals = { expected: 0, found: 0, reported: 0, correct: 0 };
  const pages = violationPages();

  for (const truth of pages) {
    it(`${truth.name}: ${truth.description}`, async () => {
      const report = await scanPage(truth.path, truth.services);
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

describe("capture", () => {
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

  it("keeps both lifetimes: 2 years asked, 400 days kept by Chromium", async () => {
    const criteo = violationPages().find((page) => page.name === "lifetime-13-months");
    const scanned = await scanPage(criteo?.path ?? "", criteo?.services);
    const bundle = scanned.items.find((item) => item.name === "cto_bundle");
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
