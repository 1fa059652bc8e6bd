import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bannerText,
  dataLayer,
  gatedBody,
  launchBrowser,
  ran,
  startSite,
  type TestSite,
  testClientConfig,
} from "./harness.ts";

let site: TestSite;
let browser: Browser;

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
  const { client } = await testClientConfig();
  site.page("/", { client, body: gatedBody(site) });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("before any decision", () => {
  it("shows the banner, runs and requests nothing gated, stores nothing", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url("/", "shop.macaron.localhost"));
    await page.waitForLoadState("networkidle");
    expect(await bannerText(page)).toContain("Accept all");
    expect(await ran(page)).toEqual([]);
    expect(site.trackerRequests()).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    expect(await page.locator("img").getAttribute("src")).toBeNull();
    expect(await page.locator("iframe").getAttribute("src")).toBeNull();
    await context.close();
  });

  it("pushes the Consent Mode defaults first: all denied but security_storage, waiting for an update", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url("/"));
    const layer = await dataLayer(page);
    expect(layer[0]).toEqual([
      "consent",
      "default",
      {
        ad_storage: "denied",
        ad_user_data: "denied",
        ad_personalization: "denied",
        analytics_storage: "denied",
        functionality_storage: "denied",
        personalization_storage: "denied",
        security_storage: "granted",
        wait_for_update: 500,
      },
    ]);
    expect(layer).toHaveLength(1);
    await context.close();
  });

  it("shows an accessible placeholder for a gated iframe that offers to enable its category", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url("/"));
    const placeholder = page.getByRole("region", { name: "Instagram" });
    await expect.poll(() => placeholder.textContent()).toContain("Instagram");
    expect(await placeholder.textContent()).toContain("Social networks");
    expect(await page.locator("iframe").isHidden()).toBe(true);
    await placeholder.getByRole("button", { name: "Allow Social networks" }).click();
    await expect.poll(() => page.locator("iframe").getAttribute("src")).toContain("/embed");
    expect(await page.locator("iframe").isVisible()).toBe(true);
    expect(await bannerText(page)).toBeUndefined();
    // Only the category asked for: the analytics and advertising tags stay inert.
    expect(await ran(page)).toEqual([]);
    await context.close();
  });
});
