import { CONSENT_COOKIE_NAME } from "@macaron/core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bannerText,
  clickSdkButton,
  launchBrowser,
  ran,
  startSite,
  type TestSite,
  testClientConfig,
} from "./harness.ts";

let site: TestSite;
let browser: Browser;
const CSP = "script-src 'self'; style-src 'self' 'nonce-c3RyaWN0'";
const BODY = `
<script type="text/plain" data-category="analytics" src="/local/analytics-1.js"></script>
<script type="text/plain" data-category="advertising" src="/local/ads.js"></script>
<script type="text/plain" data-category="analytics" src="/local/analytics-2.js"></script>
<a href="#" data-macaron-open>Manage cookies</a>`;

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
  const { client } = await testClientConfig();
  const headers = { "content-security-policy": CSP };
  site.page("/", { client, body: BODY, headers });
  site.page("/fetched", { client, body: BODY, headers, configUrl: true });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A page that records every CSP violation and script error. */
async function strictPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return { page, problems };
}

describe(`under Content-Security-Policy: ${CSP}`, () => {
  for (const [path, how] of [
    ["/", "inline"],
    ["/fetched", "from data-config"],
  ] as const) {
    it(`works fully with the configuration ${how}: styled banner, dialog, decision, gated scripts`, async () => {
      const { page, problems } = await strictPage();
      const response = await page.goto(site.url(path));
      expect(response?.headers()["content-security-policy"]).toBe(CSP);
      await expect.poll(() => bannerText(page)).toContain("Accept all");
      const position = await page.evaluate(() => {
        const banner = document.getElementById("macaron")?.shadowRoot?.querySelector(".b") as Element;
        return getComputedStyle(banner).position;
      });
      expect(position).toBe("fixed");
      await page.getByRole("link", { name: "Manage cookies" }).click();
      await page.getByRole("switch", { name: "Audience measurement" }).click();
      await clickSdkButton(page, "Save my choices", "dialog");
      await expect.poll(() => ran(page)).toEqual(["analytics-1.js", "analytics-2.js"]);
      const cookies = await page.context().cookies();
      expect(cookies.map((cookie) => cookie.name)).toEqual([CONSENT_COOKIE_NAME]);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});
