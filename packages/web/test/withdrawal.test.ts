import { CONSENT_COOKIE_NAME, consentRecordSchema, decodeConsentCookie } from "@macaron/core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clickSdkButton, launchBrowser, startSite, type TestSite, testClientConfig } from "./harness.ts";

let site: TestSite;
let browser: Browser;
const SHOP = "shop.macaron.localhost";

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
  const body = `<a href="#" data-macaron-open>Manage cookies</a>`;
  site.page("/shop/page", { client: (await testClientConfig()).client, body });
  const noReload = await testClientConfig((input) => {
    input.banner = { reloadOnWithdrawal: false };
  });
  site.page("/shop/no-reload", { client: noReload.client, body });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** What analytics and social scripts leave behind, on the host and its parent domain, plus what must stay. */
function plantTrackers(page: Page): Promise<void> {
  return page.evaluate(() => {
    for (const cookie of [
      "_ga=GA1.1.1; path=/; domain=macaron.localhost",
      "_ga=GA1.1.2; path=/",
      `_ga_XYZ=GS1.1; path=${location.pathname}`,
      "_ga_XYZ=GS1.2; path=/; domain=macaron.localhost",
      "_fbp=fb.1; path=/; domain=macaron.localhost",
      "_fbp=fb.2; path=/",
      "lpp_session=abc; path=/",
      "unrelated=1; path=/",
    ]) {
      // biome-ignore lint/suspicious/noDocumentCookie: a tracker's way of setting cookies.
      document.cookie = cookie;
    }
    localStorage.setItem("_ga_store_1", "x");
    localStorage.setItem("keep_me", "x");
    sessionStorage.setItem("_ga_session", "x");
  });
}

async function withdrawAnalyticsAndSocial(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Manage cookies" }).click();
  await page.getByRole("switch", { name: "Audience measurement" }).click();
  await page.getByRole("switch", { name: "Social networks" }).click();
  await clickSdkButton(page, "Save my choices", "dialog");
}

async function remainingCookies(page: Page): Promise<string[]> {
  return (await page.context().cookies())
    .map((cookie) => `${cookie.name}@${cookie.domain}${cookie.path}`)
    .filter((name) => !name.startsWith(CONSENT_COOKIE_NAME))
    .sort();
}

describe("withdrawal", () => {
  it("deletes the withdrawn categories' cookies on the host and parent domain, and their storage keys, then reloads", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url("/shop/page", SHOP));
    await clickSdkButton(page, "Accept all");
    await plantTrackers(page);
    expect(await remainingCookies(page)).toHaveLength(8);
    site.requests.length = 0;
    const reloaded = page.waitForEvent("load");
    await withdrawAnalyticsAndSocial(page);
    await reloaded;
    expect(await remainingCookies(page)).toEqual([`lpp_session@${SHOP}/`, `unrelated@${SHOP}/`]);
    expect(await page.evaluate(() => [Object.keys(localStorage), Object.keys(sessionStorage)])).toEqual([
      ["keep_me"],
      [],
    ]);
    const consent = (await context.cookies()).find((cookie) => cookie.name === CONSENT_COOKIE_NAME);
    expect(decodeConsentCookie(consent?.value)?.categories).toEqual({
      necessary: true,
      analytics: false,
      advertising: true,
      social: false,
    });
    const proof = site.requests.find((request) => request.path === "/v1/consents");
    const record = consentRecordSchema.parse(JSON.parse(proof?.body ?? ""));
    expect(record.method).toBe("withdraw");
    expect(record.uiLayer).toBe("preferences");
    await context.close();
  });

  it("cleans up without reloading when reloadOnWithdrawal is off", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url("/shop/no-reload", SHOP));
    await clickSdkButton(page, "Accept all");
    await plantTrackers(page);
    await page.evaluate(() => {
      (window as any).sameDocument = true;
    });
    await withdrawAnalyticsAndSocial(page);
    expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
    expect(await remainingCookies(page)).toEqual([`lpp_session@${SHOP}/`, `unrelated@${SHOP}/`]);
    await context.close();
  });
});
