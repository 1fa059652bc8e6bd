import { CONSENT_COOKIE_NAME, decodeConsentCookie } from "@macaron/core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bannerText,
  clickSdkButton,
  dataLayer,
  gatedBody,
  launchBrowser,
  ran,
  startSite,
  type TestSite,
  TRACKER_HOST,
  testClientConfig,
} from "./harness.ts";

let site: TestSite;
let browser: Browser;
const SIX_MONTHS_S = 181 * 86_400;

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
  const { client } = await testClientConfig();
  site.page("/", { client, body: gatedBody(site) });
  site.page("/removal", { client });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function consentCookie(page: Page) {
  const cookie = (await page.context().cookies()).find((found) => found.name === CONSENT_COOKIE_NAME);
  return cookie && { cookie, state: decodeConsentCookie(cookie.value) };
}

function recordEvents(page: Page): Promise<void> {
  return page.evaluate(() => {
    (window as any).events = [];
    for (const name of ["macaron:consent", "macaron:change"])
      document.addEventListener(name, (event) =>
        (window as any).events.push([name, (event as CustomEvent).detail.categories]),
      );
  });
}

describe("Reject all", () => {
  it("stores the refusal for the configured validity, and nothing gated runs or loads", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    site.requests.length = 0;
    await page.goto(site.url("/"));
    await recordEvents(page);
    await clickSdkButton(page, "Reject all");
    const stored = await consentCookie(page);
    expect(stored?.state?.categories).toEqual({
      necessary: true,
      analytics: false,
      advertising: false,
      social: false,
    });
    expect(stored?.cookie.sameSite).toBe("Lax");
    const lifetime = (stored?.cookie.expires ?? 0) - Date.now() / 1000;
    expect(lifetime).toBeGreaterThan(SIX_MONTHS_S - 4 * 86_400);
    expect(lifetime).toBeLessThan(SIX_MONTHS_S + 86_400);
    expect(await bannerText(page)).toBeUndefined();
    await page.waitForLoadState("networkidle");
    expect(await ran(page)).toEqual([]);
    expect(site.trackerRequests()).toEqual([]);
    expect((await context.cookies()).map((cookie) => cookie.name)).toEqual([CONSENT_COOKIE_NAME]);
    const layer = await dataLayer(page);
    expect(layer[1]).toEqual(["consent", "update", expect.objectContaining({ analytics_storage: "denied" })]);
    expect(layer[2]).toMatchObject({
      event: "macaron_consent",
      macaron: { categories: { analytics: false } },
    });
    expect(await page.evaluate(() => (window as any).events)).toEqual([
      ["macaron:consent", { necessary: true, analytics: false, advertising: false, social: false }],
      ["macaron:change", { necessary: true, analytics: false, advertising: false, social: false }],
    ]);
    // The next page knows the decision: no banner, still nothing gated.
    await page.reload();
    await page.waitForLoadState("networkidle");
    expect(await bannerText(page)).toBeUndefined();
    expect(await ran(page)).toEqual([]);
    expect(site.trackerRequests()).toEqual([]);
    await context.close();
  });
});

describe("Accept all", () => {
  it("runs the gated scripts once each in document order, loads pixels and iframes, grants Consent Mode", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    site.requests.length = 0;
    await page.goto(site.url("/"));
    await clickSdkButton(page, "Accept all");
    await expect.poll(() => ran(page)).toHaveLength(4);
    expect(await ran(page)).toEqual(["analytics-1.js", "inline-analytics", "ads.js", "analytics-2.js"]);
    await expect.poll(() => page.frameLocator("iframe").locator("p").textContent()).toBe("embedded");
    expect(
      site
        .trackerRequests()
        .map((request) => request.path)
        .sort(),
    ).toEqual(["/analytics-1.js", "/ads.js", "/analytics-2.js", "/pixel.gif", "/embed"].sort());
    // Attributes are kept on the scripts that ran.
    expect(await page.locator("script#first").getAttribute("data-category")).toBe("analytics");
    expect(await page.locator("script#first").getAttribute("type")).toBeNull();
    const layer = await dataLayer(page);
    expect(layer[1]).toEqual([
      "consent",
      "update",
      {
        ad_storage: "granted",
        ad_user_data: "granted",
        ad_personalization: "granted",
        analytics_storage: "granted",
        functionality_storage: "denied",
        personalization_storage: "denied",
        security_storage: "granted",
      },
    ]);
    expect((await consentCookie(page))?.state?.categories).toEqual({
      necessary: true,
      analytics: true,
      advertising: true,
      social: true,
    });
    // A later page runs them again, once, before the visitor does anything.
    await page.reload();
    await expect.poll(() => ran(page)).toHaveLength(4);
    expect(await ran(page)).toEqual(["analytics-1.js", "inline-analytics", "ads.js", "analytics-2.js"]);
    expect(await bannerText(page)).toBeUndefined();
    await context.close();
  });

  it("gates elements added after start-up, before and after the decision", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url("/"));
    const add = (name: string) =>
      page.evaluate((text) => {
        const script = document.createElement("script");
        script.type = "text/plain";
        script.dataset.category = "analytics";
        script.text = `(window.ran = window.ran || []).push(${JSON.stringify(text)})`;
        document.body.append(script);
      }, name);
    await add("added-before");
    await page.waitForTimeout(100);
    expect(await ran(page)).toEqual([]);
    await page.evaluate(() => (window as any).Macaron.set({ categories: { analytics: true } }));
    await expect.poll(() => ran(page)).toContain("added-before");
    await add("added-after");
    await expect.poll(() => ran(page)).toContain("added-after");
    expect((await ran(page)).filter((name) => name.startsWith("added"))).toEqual([
      "added-before",
      "added-after",
    ]);
    await context.close();
  });
});

describe("a gated script removed from the page before its turn", () => {
  it("does not run, and does not hold up the scripts after it", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const tracker = `http://${TRACKER_HOST}:${site.port}`;
    await page.goto(site.url("/removal"));
    await page.evaluate((origin) => {
      for (const [id, src] of [
        ["slow", `${origin}/slow-first.js`],
        ["removed", `${origin}/removed.js`],
        ["after", `${origin}/after.js`],
      ]) {
        const script = document.createElement("script");
        script.type = "text/plain";
        script.id = id as string;
        script.dataset.category = "analytics";
        script.src = src as string;
        document.body.append(script);
      }
    }, tracker);
    await clickSdkButton(page, "Accept all");
    // While the first one is still loading.
    await page.evaluate(() => document.getElementById("removed")?.remove());
    await expect.poll(() => ran(page)).toEqual(["slow-first.js", "after.js"]);
    await context.close();
  });
});

describe("window.Macaron", () => {
  it("answers get() and allowed(), and on() hears decisions until unsubscribed", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url("/"));
    const result = await page.evaluate(() => {
      const macaron = (window as any).Macaron;
      const heard: string[] = [];
      const before = [macaron.get(), macaron.allowed("necessary"), macaron.allowed("analytics")];
      const stop = macaron.on("change", (decision: any) => heard.push(JSON.stringify(decision.categories)));
      macaron.set({ categories: { analytics: true } });
      const after = [macaron.allowed("analytics"), macaron.allowed("social")];
      stop();
      macaron.rejectAll();
      return { before, after, heard, final: macaron.get().categories };
    });
    expect(result.before).toEqual([null, true, false]);
    expect(result.after).toEqual([true, false]);
    expect(result.heard).toEqual([
      JSON.stringify({ necessary: true, analytics: true, advertising: false, social: false }),
    ]);
    expect(result.final).toEqual({ necessary: true, analytics: false, advertising: false, social: false });
    await context.close();
  });

  it("show() shows the banner again and any [data-macaron-open] opens the preferences", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url("/"));
    await clickSdkButton(page, "Reject all");
    expect(await bannerText(page)).toBeUndefined();
    await page.evaluate(() => (window as any).Macaron.show());
    expect(await bannerText(page)).toContain("Reject all");
    await page.getByRole("link", { name: "Manage cookies" }).click();
    await expect.poll(() => page.getByRole("dialog", { name: "Cookie preferences" }).isVisible()).toBe(true);
    await context.close();
  });
});
