import { CONSENT_COOKIE_NAME, type ConsentCookieState, encodeConsentCookie } from "@macaron/core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bannerText,
  gatedBody,
  launchBrowser,
  ran,
  startSite,
  type TestSite,
  testClientConfig,
} from "./harness.ts";

let site: TestSite;
let browser: Browser;
const DAY = 86_400_000;

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
  site.page("/", { client: (await testClientConfig()).client, body: gatedBody(site) });
  const bumped = await testClientConfig((input) => {
    input.revision = 2;
  });
  site.page("/revision-2", { client: bumped.client, body: gatedBody(site) });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

function acceptedOn(
  decidedAt: Date,
  expiresAt = new Date(decidedAt.getTime() + 180 * DAY),
): ConsentCookieState {
  return {
    subjectId: "6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f",
    decidedAt,
    expiresAt,
    revision: 1,
    categories: { necessary: true, analytics: true, advertising: true, social: true },
    services: {},
  };
}

/** Opens `path` with the given consent cookie value; returns whether the banner shows and what ran. */
async function visitWith(value: string, path = "/") {
  const context = await browser.newContext();
  await context.addCookies([{ name: CONSENT_COOKIE_NAME, value, url: site.url("/") }]);
  const page = await context.newPage();
  await page.goto(site.url(path));
  await page.waitForLoadState("networkidle");
  const result = { banner: await bannerText(page), ran: await ran(page) };
  await context.close();
  return result;
}

describe("asking again", () => {
  it("keeps a current decision: no banner, the accepted scripts run", async () => {
    const result = await visitWith(encodeConsentCookie(acceptedOn(new Date(Date.now() - DAY))));
    expect(result.banner).toBeUndefined();
    expect(result.ran).toHaveLength(4);
  });

  it("shows the banner again after a revision bump, and honours nothing of the old decision", async () => {
    const result = await visitWith(
      encodeConsentCookie(acceptedOn(new Date(Date.now() - DAY))),
      "/revision-2",
    );
    expect(result.banner).toContain("Accept all");
    expect(result.ran).toEqual([]);
  });

  it("shows the banner again when the decision has expired", async () => {
    const decidedAt = new Date(Date.now() - 200 * DAY);
    const result = await visitWith(
      encodeConsentCookie(acceptedOn(decidedAt, new Date(Date.now() - 20 * DAY))),
    );
    expect(result.banner).toContain("Accept all");
    expect(result.ran).toEqual([]);
  });

  it("shows the banner again when the stored expiry is later than the validity allows", async () => {
    const decidedAt = new Date(Date.now() - 200 * DAY);
    const result = await visitWith(
      encodeConsentCookie(acceptedOn(decidedAt, new Date(Date.now() + 100 * DAY))),
    );
    expect(result.banner).toContain("Accept all");
    expect(result.ran).toEqual([]);
  });

  it("shows the banner again for a tampered cookie (a refusal edited into consent)", async () => {
    const refusal = encodeConsentCookie({
      ...acceptedOn(new Date(Date.now() - DAY)),
      categories: { necessary: true, analytics: false, advertising: false, social: false },
    });
    const tampered = refusal.replace("analytics:0", "analytics:1");
    expect(tampered).not.toBe(refusal);
    const result = await visitWith(tampered);
    expect(result.banner).toContain("Accept all");
    expect(result.ran).toEqual([]);
  });

  it("shows the banner again for a malformed cookie", async () => {
    const result = await visitWith("yes-to-everything");
    expect(result.banner).toContain("Accept all");
    expect(result.ran).toEqual([]);
  });
});
