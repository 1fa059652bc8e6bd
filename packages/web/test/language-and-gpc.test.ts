import { CONSENT_COOKIE_NAME, consentRecordSchema, decodeConsentCookie } from "@macaron/core";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bannerText,
  clickSdkButton,
  launchBrowser,
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
  for (const lang of ["en-GB", "fr-CA", "de"]) site.page(`/${lang}`, { client, lang });
  site.page("/no-lang", { client, lang: "" });
  const settled = await testClientConfig((input) => {
    input.gpc = { honour: true, refuse: ["analytics", "advertising", "social"] };
  });
  site.page("/gpc-refuses-all", { client: settled.client });
  const ignored = await testClientConfig((input) => {
    input.gpc = { honour: false };
  });
  site.page("/gpc-ignored", { client: ignored.client });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function bannerTitle(path: string, locale: string): Promise<string | undefined> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await page.goto(site.url(path));
  const title = await page.locator("#macaron .b h2").textContent();
  await context.close();
  return title ?? undefined;
}

describe("language", () => {
  it("follows <html lang>, by its primary subtag", async () => {
    expect(await bannerTitle("/en-GB", "fr-FR")).toBe("Your choice about cookies");
    expect(await bannerTitle("/fr-CA", "en-US")).toBe("Votre choix sur les cookies");
  });

  it("then the browser's languages, then the configured default", async () => {
    expect(await bannerTitle("/de", "en-US")).toBe("Your choice about cookies");
    expect(await bannerTitle("/no-lang", "en-GB")).toBe("Your choice about cookies");
    expect(await bannerTitle("/de", "de-DE")).toBe("Votre choix sur les cookies");
  });
});

/** A visitor whose browser sends Global Privacy Control. */
async function gpcContext(): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "globalPrivacyControl", { get: () => true });
  });
  return context;
}

function proofs() {
  return site.requests
    .filter((request) => request.path === "/v1/consents")
    .map((request) => consentRecordSchema.parse(JSON.parse(request.body)));
}

describe("Global Privacy Control", () => {
  it("keeps the configured categories refused on Accept all, and records the signal", async () => {
    site.requests.length = 0;
    const context = await gpcContext();
    const page = await context.newPage();
    await page.goto(site.url("/en-GB"));
    await clickSdkButton(page, "Accept all");
    const categories = await page.evaluate(() => (window as any).Macaron.get().categories);
    expect(categories).toEqual({ necessary: true, analytics: true, advertising: false, social: true });
    await expect.poll(() => proofs()).toHaveLength(1);
    expect(proofs()[0]?.signals.gpc).toBe(true);
    await context.close();
  });

  it("tells why in the dialog, and lets the visitor switch the category on one by one", async () => {
    const context = await gpcContext();
    const page = await context.newPage();
    await page.goto(site.url("/en-GB"));
    await clickSdkButton(page, "Customize");
    expect(await page.getByRole("dialog").textContent()).toContain("Global Privacy Control signal refused");
    await page.getByRole("switch", { name: "Targeted advertising and conversion tracking" }).click();
    await clickSdkButton(page, "Save my choices", "dialog");
    expect(await page.evaluate(() => (window as any).Macaron.allowed("advertising"))).toBe(true);
    await context.close();
  });

  it("settles the decision without a banner when it refuses every consent category", async () => {
    site.requests.length = 0;
    const context = await gpcContext();
    const page = await context.newPage();
    await page.goto(site.url("/gpc-refuses-all"));
    expect(await bannerText(page)).toBeUndefined();
    const cookie = (await context.cookies()).find((found) => found.name === CONSENT_COOKIE_NAME);
    expect(decodeConsentCookie(cookie?.value)?.categories).toEqual({
      necessary: true,
      analytics: false,
      advertising: false,
      social: false,
    });
    await expect.poll(() => proofs()).toHaveLength(1);
    expect(proofs()[0]).toMatchObject({ method: "gpc", uiLayer: "signal", signals: { gpc: true } });
    await context.close();
  });

  it("is recorded but not applied when the configuration does not honour it", async () => {
    const context = await gpcContext();
    const page = await context.newPage();
    await page.goto(site.url("/gpc-ignored"));
    await clickSdkButton(page, "Accept all");
    expect(await page.evaluate(() => (window as any).Macaron.allowed("advertising"))).toBe(true);
    await context.close();
  });
});
