/**
 * The admin dashboard in real Chromium, over a real SQLite ledger holding 10,000 proofs spread
 * over 60 days: signing in, the overview's charts and totals, proof search, exports, the policy
 * pages and scan reports; every page free of axe-core violations, usable at 360 px and light.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { type ConsentRecord, canonicalJson } from "@macaron/core";
import { axeViolations, launchChromium } from "@macaron/testing";
import { Ajv2020 } from "ajv/dist/2020.js";
import Database from "better-sqlite3";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proofHash } from "../../src/chain/proof-hash.ts";
import type { LedgerStore } from "../../src/store/ledger-store.ts";
import { openLedgerStore } from "../../src/store/open-ledger-store.ts";
import { type DashboardServer, startDashboard } from "./fixtures/dashboard-server.ts";
import { type SeededLedger, seedConfig, seedLedger } from "./fixtures/seed-ledger.ts";

const LAST_DAY = "2026-11-24";
const FIRST_DAY = "2026-09-26"; // 60 days, LAST_DAY included
const NOW = new Date(`${LAST_DAY}T15:00:00Z`);
const SCAN_REPORT = new URL("./fixtures/scan-report.json", import.meta.url);
/**
 * A real report.json, written by `macaron scan` on the demo shop with the advertising service
 * left out of the configuration and Google Analytics declared for 6 months (so it has errors).
 */
const DEMO_SCAN_REPORT = new URL("./fixtures/demo-scan-report.json", import.meta.url);
const SCAN_REPORT_SCHEMA = new URL("../../../scanner/schema/report.schema.json", import.meta.url);

let directory: string;
let store: LedgerStore;
let seeded: SeededLedger;
let token: string;
let server: DashboardServer;
let browser: Browser;
let admin: BrowserContext;

const count = (predicate: (record: ConsentRecord) => boolean) => seeded.records.filter(predicate).length;
const grouped = (value: number) => new Intl.NumberFormat("en-US").format(value);

async function signIn(page: Page, secret: string, path = "/admin") {
  await page.goto(`${server.url}${path}`);
  await page.fill("#token", secret);
  await Promise.all([page.waitForLoadState("load"), page.click("button[type=submit]")]);
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "macaron-admin-"));
  store = await openLedgerStore(`sqlite:${join(directory, "ledger.db")}`);
  seeded = await seedLedger(store, { count: 10_000, days: 60, lastDay: LAST_DAY });
  token = (await store.createToken("dashboard test")).token;
  const reports = join(directory, "scans");
  await mkdir(join(reports, "shop"), { recursive: true });
  await writeFile(join(reports, "shop", "report.json"), await readFile(SCAN_REPORT));
  server = await startDashboard({ store, config: seedConfig(2), now: () => NOW, scanReportsDir: reports });
  browser = await launchChromium();
  admin = await browser.newContext();
  await signIn(await admin.newPage(), token);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await store?.close();
  if (directory) await rm(directory, { recursive: true, force: true });
});

/** The data cells of the row whose header cell reads exactly `header`. */
function rowCells(table: Locator, header: string): Promise<string[]> {
  return table
    .locator("tbody tr", { has: table.page().locator("th", { hasText: new RegExp(`^${header}$`) }) })
    .locator("td")
    .allTextContents();
}

async function adminPage(path: string): Promise<Page> {
  const page = await admin.newPage();
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status(), path).toBe(200);
  return page;
}

describe("signing in", () => {
  it("refuses a wrong token with a clear error and status 401, and opens no session", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/proofs`);
    expect(new URL(page.url()).pathname).toBe("/admin/sign-in");
    await page.fill("#token", "not-the-token");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/admin/sign-in")),
      page.click("button[type=submit]"),
    ]);
    expect(response.status()).toBe(401);
    await expect(page.locator("[role=alert]").textContent()).resolves.toContain("not valid");
    expect((await context.cookies()).map((c) => c.name)).not.toContain("macaron_admin");
    await context.close();
  });

  it("opens an HttpOnly SameSite=Strict session with the right token, goes back where it was asked, and signs out", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, token, "/admin/policy");
    expect(new URL(page.url()).pathname).toBe("/admin/policy");
    const session = (await context.cookies()).find((c) => c.name === "macaron_admin");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/admin" });
    await page.click("text=Sign out");
    await page.waitForURL(/\/admin\/sign-in\?signedOut=1$/);
    await page.goto(`${server.url}/admin`);
    expect(new URL(page.url()).pathname).toBe("/admin/sign-in");
    await context.close();
  });

  it("works with the keyboard alone: skip link first, then the token field, Enter signs in", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/sign-in`);
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Skip to content");
    for (let presses = 0; presses < 5; presses++) {
      if ((await page.evaluate(() => document.activeElement?.id)) === "token") break;
      await page.keyboard.press("Tab");
    }
    await page.keyboard.type(token);
    await Promise.all([page.waitForURL(/\/admin$/), page.keyboard.press("Enter")]);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("main");
    await context.close();
  });

  it("refuses a form posted without the session's CSRF token or from another origin", async () => {
    const page = await adminPage("/admin");
    const csrf = await page.inputValue("form.sign-out input[name=csrf]");
    const session = (await admin.cookies()).find((c) => c.name === "macaron_admin")?.value;
    const post = (body: string, origin: string) =>
      fetch(`${server.url}/admin/sign-out`, {
        method: "POST",
        redirect: "manual",
        headers: {
          cookie: `macaron_admin=${session}`,
          origin,
          "content-type": "application/x-www-form-urlencoded",
        },
        body,
      });
    expect((await post("csrf=forged", server.url)).status).toBe(403);
    expect((await post(`csrf=${csrf}`, "https://evil.example")).status).toBe(403);
    // The session is still open.
    expect((await adminPage("/admin/proofs")).url()).toContain("/admin/proofs");
  });
});

describe("overview", () => {
  it("charts 60 days of decisions with the right totals and shares", async () => {
    const page = await adminPage(`/admin?from=${FIRST_DAY}&to=${LAST_DAY}`);
    await page.waitForSelector("[data-chart=decisions] canvas");
    expect(await page.locator("[data-chart] canvas").count()).toBeGreaterThanOrEqual(2);
    await expect(page.locator("#total-decisions").textContent()).resolves.toBe("10,000");
    const acceptAll = count((r) => r.method === "accept-all");
    const methods = page.locator("table", {
      has: page.locator("caption", { hasText: "Decisions by method" }),
    });
    await expect(rowCells(methods, "Accept all")).resolves.toEqual([
      grouped(acceptAll),
      `${(Math.round((acceptAll / 10_000) * 1000) / 10).toFixed(1)} %`,
    ]);
    const analytics = count((r) => r.categories.analytics === true);
    const acceptance = page.locator("table", {
      has: page.locator("caption", { hasText: "Acceptance over the period" }),
    });
    const analyticsName =
      seedConfig(2).categories.find((category) => category.id === "analytics")?.name.en ?? "";
    await expect(rowCells(acceptance, analyticsName)).resolves.toEqual([
      grouped(analytics),
      expect.any(String),
    ]);
    const english = count((r) => r.language === "en");
    const languages = page.locator("table", {
      has: page.locator("caption", { hasText: "Decisions by language" }),
    });
    await expect(rowCells(languages, "en")).resolves.toEqual([grouped(english), expect.any(String)]);
    const dayRows = page.locator("table", {
      has: page.locator("caption", { hasText: /^Decisions per day$/ }),
    });
    expect(await dayRows.locator("tbody tr").count()).toBe(60);
    const onLastDay = count((r) => r.decidedAt.startsWith(LAST_DAY));
    await expect(rowCells(dayRows, LAST_DAY)).resolves.toEqual([
      grouped(onLastDay),
      ...Array(3).fill(expect.any(String)),
    ]);
  });

  it("shows the last 30 days by default", async () => {
    const page = await adminPage("/admin");
    const inLast30 = count((r) => r.decidedAt >= "2026-10-26" && r.decidedAt < "2026-11-25");
    await expect(page.locator("#total-decisions").textContent()).resolves.toBe(grouped(inLast30));
    await expect(page.inputValue("#from")).resolves.toBe("2026-10-26");
  });

  it("explains what to do when the period holds no decision", async () => {
    const page = await adminPage("/admin?from=2020-01-01&to=2020-01-31");
    await expect(page.locator(".empty").textContent()).resolves.toContain("No decisions in this period");
    expect(await page.locator("canvas").count()).toBe(0);
  });
});

describe("proofs", () => {
  it("finds a proof by its record id, shows what the visitor saw, and its chain verifies", async () => {
    const record = seeded.records[4321] as ConsentRecord;
    const page = await adminPage("/admin/proofs");
    await page.fill("#consentId", record.id);
    await Promise.all([page.waitForURL(/consentId=/), page.click("form[role=search] button[type=submit]")]);
    const rows = page.locator("tbody tr");
    expect(await rows.count()).toBe(1);
    await expect(rows.first().textContent()).resolves.toContain(record.id);
    await Promise.all([
      page.waitForURL(/\/admin\/proofs\/[0-9a-f-]+$/),
      page.click(`a:text("${record.id}")`),
    ]);
    await expect(page.locator("#chain ~ .notice").first().textContent()).resolves.toContain(
      "This proof verifies",
    );
    const revision = seeded.revisions.find((published) => published.revision.revision === record.revision);
    const title = revision?.clientConfig.notices[record.language]?.texts.bannerTitle ?? "";
    await expect(page.locator("main").textContent()).resolves.toContain(title);
    await expect(page.locator("main").textContent()).resolves.toContain(
      "notice hash is the hash of what this revision shows",
    );
  });

  it("finds a visitor's decisions by subject id", async () => {
    const record = seeded.records[17] as ConsentRecord;
    const page = await adminPage(`/admin/proofs?consentId=${record.subjectId}`);
    expect(await page.locator("tbody tr").count()).toBe(1);
    await expect(page.locator("tbody").textContent()).resolves.toContain(record.subjectId);
  });

  it("filters and pages through the results with a cursor, every matching proof once", async () => {
    const expected = count(
      (r) => r.method === "custom" && r.categories.social === false && r.language === "fr",
    );
    const page = await adminPage("/admin/proofs?method=custom&category=social&granted=false&language=fr");
    const ids = new Set<string>();
    let pages = 0;
    for (;;) {
      pages++;
      const rows = await page.$$eval("tbody tr", (trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? "")),
      );
      for (const cells of rows) {
        expect([cells[2], cells[3]]).toEqual(["custom", "fr"]);
        expect(cells[5]).toContain("social: no");
        ids.add(cells[0] ?? "");
      }
      const next = page.locator("a[rel=next]");
      if ((await next.count()) === 0) break;
      await Promise.all([page.waitForURL(/cursor=/), next.click()]);
    }
    expect(pages).toBeGreaterThan(1);
    expect(ids.size).toBe(expected);
  });

  it("exports the current filter's rows as CSV, NDJSON and consent receipt downloads", async () => {
    const expected = count((r) => r.method === "reject-all" && r.language === "en");
    const page = await adminPage("/admin/proofs?method=reject-all&language=en");
    const [csv] = await Promise.all([page.waitForEvent("download"), page.click("a:text('CSV')")]);
    const csvText = await readFile((await csv.path()) as string, "utf8");
    const csvRows = csvText.trimEnd().split("\r\n");
    expect(csvRows.length - 1).toBe(expected);
    expect(csvRows.slice(1).every((row) => row.includes(",reject-all,"))).toBe(true);
    const [ndjson] = await Promise.all([page.waitForEvent("download"), page.click("a:text('NDJSON')")]);
    const lines = (await readFile((await ndjson.path()) as string, "utf8")).trimEnd().split("\n");
    expect(lines.length).toBe(expected);
    for (const line of lines) {
      const proof = JSON.parse(line) as { record: ConsentRecord };
      expect([proof.record.method, proof.record.language]).toEqual(["reject-all", "en"]);
    }
    const [receipts] = await Promise.all([
      page.waitForEvent("download"),
      page.click("a:text('Kantara consent receipts')"),
    ]);
    expect(receipts.suggestedFilename()).toMatch(/\.kantara\.ndjson$/);
    const receiptLines = (await readFile((await receipts.path()) as string, "utf8")).trimEnd().split("\n");
    expect(receiptLines.length).toBe(expected);
  });
});

describe("policy", () => {
  it("lists both revisions with their hashes and shows what changed between them", async () => {
    const page = await adminPage("/admin/policy");
    for (const published of seeded.revisions)
      await expect(page.locator("main").textContent()).resolves.toContain(published.revision.contentHash);
    await Promise.all([page.waitForURL(/\/admin\/policy\/diff\?/), page.click("text=Show differences")]);
    await expect(page.locator("pre.diff ins").allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining("Your cookie choices")]),
    );
    await expect(page.locator("pre.diff del").allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining("Your choice about cookies")]),
    );
  });
});

describe("policy preview", () => {
  it("runs the real banner and dialog with the revision's own texts, in French and English, recording nothing", async () => {
    const second = seeded.revisions[1];
    const page = await adminPage(`/admin/policy/preview?revision=${second?.revision.contentHash}`);
    expect(await page.locator("iframe").count()).toBe(4);
    const frame = (title: string) => page.frameLocator(`iframe[title^="${title}"]`);
    const fr = second?.clientConfig.notices.fr?.texts;
    const en = second?.clientConfig.notices.en?.texts;
    await frame("Banner in French")
      .getByText(fr?.bannerTitle ?? "?")
      .waitFor();
    await frame("Banner in English")
      .getByText(en?.bannerTitle ?? "?")
      .waitFor();
    await frame("Preferences dialog in French")
      .getByText(fr?.preferencesTitle ?? "?")
      .first()
      .waitFor();
    await frame("Preferences dialog in English")
      .getByText(en?.preferencesTitle ?? "?")
      .first()
      .waitFor();
    // Chromium pauses animation frames in frames out of view: bring the frame into view to click in it.
    await page.locator('iframe[title^="Banner in English"]').scrollIntoViewIfNeeded();
    await frame("Banner in English")
      .getByRole("button", { name: en?.acceptAll ?? "?" })
      .click();
    // The decision is kept by the frame's in-memory cookie jar, never in the browser's.
    const englishBanner = page.frames().find((candidate) => candidate.url().includes("lang=en&view=banner"));
    await expect(englishBanner?.evaluate(() => document.cookie)).resolves.toContain("macaron_consent=");
    expect((await admin.cookies()).map((cookie) => cookie.name)).not.toContain("macaron_consent");
  });

  it("says how to build the SDK when its build is missing", async () => {
    const elsewhere = await startDashboard({
      store,
      config: seedConfig(2),
      now: () => NOW,
      sdkPath: join(directory, "missing", "macaron.js"),
    });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${elsewhere.url}/admin/sign-in`);
      await page.fill("#token", token);
      await Promise.all([page.waitForURL(/\/admin$/), page.click("button[type=submit]")]);
      await page.goto(
        `${elsewhere.url}/admin/policy/preview?revision=${seeded.revisions[0]?.revision.contentHash}`,
      );
      await expect(page.locator(".empty").textContent()).resolves.toContain("npm run build -w @macaron/web");
      expect(await page.locator("iframe").count()).toBe(0);
      await context.close();
    } finally {
      await elsewhere.close();
    }
  });
});

describe("scans", () => {
  it("lists the reports directory and shows a report's findings, errors first", async () => {
    const page = await adminPage("/admin/scans");
    await Promise.all([page.waitForURL(/\/admin\/scans\/f-/), page.click("a:text('shop/report.json')")]);
    const rows = page.locator("tbody tr");
    expect(await rows.count()).toBe(2);
    await expect(rows.first().locator("th").textContent()).resolves.toBe("error");
    await expect(rows.first().textContent()).resolves.toContain("cookie _ga (.shop.example)");
    await expect(rows.first().textContent()).resolves.toContain("Gate the Google Analytics tag");
    await expect(rows.nth(1).textContent()).resolves.toContain("Declared cookie fr was never seen.");
    const main = await page.locator("main").textContent();
    expect(main).toContain("1 entries of “findings” could not be read");
    expect(main).toContain("withdraw (not reached: no element with data-macaron-open)");
    expect(main).toContain("macaron-scanner 0.1.0 in Chromium 131.0.6778.85");
  });

  it("shows a real macaron scan report, valid against the scanner's published schema", async () => {
    const report = JSON.parse(await readFile(DEMO_SCAN_REPORT, "utf8"));
    const schema = JSON.parse(await readFile(SCAN_REPORT_SCHEMA, "utf8"));
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    const page = await adminPage("/admin/scans");
    await page.setInputFiles("#scan-file", DEMO_SCAN_REPORT.pathname);
    await page.waitForFunction(
      () => (document.getElementById("scan-report") as HTMLTextAreaElement).value.length > 0,
    );
    await Promise.all([page.waitForURL(/\/admin\/scans\/u-/), page.click("text=Show findings")]);
    const rows = page.locator("tbody tr");
    expect(await rows.count()).toBe(report.findings.length);
    const severities = await rows.locator("th").allTextContents();
    expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === "error" ? -1 : 1)));
    expect(severities.filter((severity) => severity === "error")).toHaveLength(3);
    const body = await page.locator("tbody").textContent();
    expect(body).toContain("cookie _gcl_au (127.0.0.1)");
    expect(body).toContain("Declare it in the configuration: see config-patch.json");
    const main = await page.locator("main").textContent();
    expect(main).toContain(`@macaron/scanner 0.1.0 in Chromium ${report.browser.version}`);
    expect(main).not.toContain("could not be read");
  });

  it("reads an uploaded report file and refuses one that is not a report", async () => {
    const page = await adminPage("/admin/scans");
    await page.setInputFiles("#scan-file", SCAN_REPORT.pathname);
    await page.waitForFunction(
      () => (document.getElementById("scan-report") as HTMLTextAreaElement).value.length > 0,
    );
    await Promise.all([page.waitForURL(/\/admin\/scans\/u-/), page.click("text=Show findings")]);
    await expect(page.locator("tbody").textContent()).resolves.toContain(
      "Declared cookie fr was never seen.",
    );
    await page.goto(`${server.url}/admin/scans`);
    await page.fill("#scan-report", '{"pages": []}');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.click("text=Show findings"),
    ]);
    expect(response.status()).toBe(400);
    await expect(page.locator("[role=alert]").textContent()).resolves.toContain(
      "expected a `findings` array",
    );
  });
});

describe("every page", () => {
  const paths = async () => {
    const record = seeded.records[99] as ConsentRecord;
    const [first, second] = seeded.revisions.map((published) => published.revision.contentHash);
    return [
      `/admin?from=${FIRST_DAY}&to=${LAST_DAY}`,
      "/admin?from=2020-01-01&to=2020-01-31",
      "/admin/proofs",
      `/admin/proofs/${record.id}`,
      "/admin/policy",
      `/admin/policy/diff?from=${first}&to=${second}`,
      `/admin/policy/preview?revision=${second}`,
      "/admin/scans",
      `/admin/scans/${(await (await adminPage("/admin/scans")).getAttribute("tbody a", "href"))?.split("/").at(-1)}`,
      // The live preview's frames, each the SDK's real banner or dialog.
      ...["fr", "en"].flatMap((lang) =>
        ["banner", "dialog"].map(
          (view) => `/admin/policy/preview/frame?revision=${second}&lang=${lang}&view=${view}`,
        ),
      ),
    ];
  };

  it("has no axe-core violations, signed out or in", async () => {
    const context = await browser.newContext();
    const signInPage = await context.newPage();
    await signInPage.goto(`${server.url}/admin/sign-in`);
    expect(await axeViolations(signInPage)).toEqual([]);
    await context.close();
    for (const path of await paths()) {
      const page = await adminPage(path);
      await page.waitForLoadState("networkidle");
      expect(await axeViolations(page), path).toEqual([]);
      await page.close();
    }
    const notFound = await admin.newPage();
    expect((await notFound.goto(`${server.url}/admin/proofs/no-such-proof`))?.status()).toBe(404);
    expect(await axeViolations(notFound), "the 404 page").toEqual([]);
    await notFound.close();
  }, 120_000);

  it("fits a 360 px wide phone screen without sideways scrolling of the page", async () => {
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
    await phone.addCookies(await admin.cookies());
    for (const path of await paths()) {
      const page = await phone.newPage();
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState("networkidle");
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(360);
      await page.close();
    }
    await phone.close();
  }, 120_000);

  it("weighs under 150 KB gzip-compressed, with its styles and scripts", async () => {
    const cookie = (await admin.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const weights: Record<string, { page: number; withAssets: number }> = {};
    for (const path of await paths()) {
      const text = await (await fetch(`${server.url}${path}`, { headers: { cookie } })).text();
      const assets = [...text.matchAll(/(?:src|href)="(\/admin\/[^"]+\.(?:css|js)(?:\?[^"]*)?)"/g)].map(
        (match) => (match[1] ?? "").replace(/&amp;/g, "&"),
      );
      let withAssets = gzipSync(text).length;
      for (const asset of new Set(assets))
        withAssets += gzipSync(
          Buffer.from(await (await fetch(`${server.url}${asset}`, { headers: { cookie } })).arrayBuffer()),
        ).length;
      weights[path] = { page: gzipSync(text).length, withAssets };
      expect(withAssets, path).toBeLessThan(150 * 1024);
    }
    console.log("admin page weights (gzip bytes):", JSON.stringify(weights, null, 1));
  });
});

describe("a tampered proof", () => {
  it("is shown as not verifying once its stored content was edited in the database", async () => {
    const record = seeded.records[2024] as ConsentRecord;
    const db = new Database(join(directory, "ledger.db"));
    const row = db.prepare("SELECT content FROM proofs WHERE record_id = ?").get(record.id) as {
      content: string;
    };
    db.prepare("UPDATE proofs SET content = ? WHERE record_id = ?").run(
      row.content.replace("dashboard test", "dashboard test (edited)"),
      record.id,
    );
    db.close();
    const page = await adminPage(`/admin/proofs/${record.id}`);
    await expect(page.locator("#chain ~ .notice").first().textContent()).resolves.toContain(
      "does NOT verify",
    );
  });

  it("is shown as not verifying when it was edited and re-hashed: the next proof no longer links to it", async () => {
    const record = seeded.records[3000] as ConsentRecord;
    const db = new Database(join(directory, "ledger.db"));
    const row = db
      .prepare("SELECT seq, content, prev_hash FROM proofs WHERE record_id = ?")
      .get(record.id) as {
      seq: number;
      content: string;
      prev_hash: string;
    };
    // A forger who knows the chain rule: a different decision, stored canonically, sealed anew.
    const content = JSON.parse(row.content) as { record: { method: string } };
    content.record.method = content.record.method === "reject-all" ? "accept-all" : "reject-all";
    const forged = canonicalJson(content);
    db.prepare("UPDATE proofs SET content = ?, hash = ? WHERE record_id = ?").run(
      forged,
      proofHash(row.prev_hash, forged),
      record.id,
    );
    const next = db
      .prepare("SELECT record_id FROM proofs WHERE seq = ?")
      .pluck()
      .get(row.seq + 1) as string;
    db.close();
    const forgedPage = await adminPage(`/admin/proofs/${record.id}`);
    const forgedNotice = await forgedPage.locator("#chain ~ .notice").first().textContent();
    expect(forgedNotice).toContain("does NOT verify");
    expect(forgedNotice).toContain("the proof after it does not link to it");
    const nextPage = await adminPage(`/admin/proofs/${next}`);
    await expect(nextPage.locator("#chain ~ .notice").first().textContent()).resolves.toContain(
      "its prevHash is not the hash of the proof before it",
    );
  });
});
