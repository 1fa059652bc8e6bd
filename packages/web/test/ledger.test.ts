import { consentRecordIssues, consentRecordSchema } from "@macaron/core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bannerText,
  clickSdkButton,
  gatedBody,
  launchBrowser,
  ran,
  startSite,
  type TestSite,
  testClientConfig,
} from "./harness.ts";

let site: TestSite;
let browser: Browser;
let config: Awaited<ReturnType<typeof testClientConfig>>["config"];

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
  const up = await testClientConfig();
  config = up.config;
  site.page("/", { client: up.client, body: gatedBody(site) });
  // A ledger nobody listens on (port 9 is discard; nothing runs there on this machine).
  const unreachable = await testClientConfig((input) => {
    input.ledger.endpoint = "http://127.0.0.1:9/v1/consents";
  });
  site.page("/unreachable", { client: unreachable.client, body: gatedBody(site) });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function acceptAllOn(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(site.url(path));
  await clickSdkButton(page, "Accept all");
  await expect.poll(() => ran(page)).toHaveLength(4);
  return { page, errors };
}

async function visibleState(page: Page) {
  return {
    banner: await bannerText(page),
    ran: await ran(page),
    iframe: await page.locator("iframe").isVisible(),
    macaron: await page.evaluate(() => (window as any).Macaron.get().categories),
  };
}

describe("the proof beacon", () => {
  it("sends each decision as a text/plain ConsentRecord the ledger accepts", async () => {
    site.requests.length = 0;
    const { page } = await acceptAllOn("/");
    await expect
      .poll(() => site.requests.filter((request) => request.path === "/v1/consents"))
      .toHaveLength(1);
    const proof = site.requests.find((request) => request.path === "/v1/consents");
    expect(proof?.method).toBe("POST");
    expect(proof?.contentType).toBe("text/plain");
    const record = consentRecordSchema.parse(JSON.parse(proof?.body ?? ""));
    expect(consentRecordIssues(record, config, new Date())).toEqual([]);
    expect(record).toMatchObject({
      method: "accept-all",
      uiLayer: "banner",
      language: "en",
      revision: 1,
      categories: { necessary: true, analytics: true, advertising: true, social: true },
      signals: { gpc: false, consentMode: { analytics_storage: "granted", security_storage: "granted" } },
      origin: site.url("").replace(/\/$/, ""),
    });
    const cookieSubject = await page.evaluate(() => (window as any).Macaron.get().subjectId);
    expect(record.subjectId).toBe(cookieSubject);
    // The proof id is time-ordered (UUIDv7: the ledger's index grows at one end); the subject id,
    // a capability for the visitor's own history, stays fully random (v4).
    expect(record.id[14]).toBe("7");
    expect(
      Math.abs(Number.parseInt(record.id.replaceAll("-", "").slice(0, 12), 16) - Date.now()),
    ).toBeLessThan(60_000);
    expect(record.subjectId[14]).toBe("4");
    await page.close();
  });

  it("changes nothing visible when the ledger fails (503) or cannot be reached", async () => {
    const healthy = await acceptAllOn("/");
    const expected = await visibleState(healthy.page);
    site.ledgerStatus = 503;
    const failing = await acceptAllOn("/");
    const unreachable = await acceptAllOn("/unreachable");
    site.ledgerStatus = 204;
    for (const { page, errors } of [failing, unreachable]) {
      expect(await visibleState(page)).toEqual(expected);
      expect(errors).toEqual([]);
      await page.close();
    }
    await healthy.page.close();
  });
});
