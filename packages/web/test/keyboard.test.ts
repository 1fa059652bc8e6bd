import { CONSENT_COOKIE_NAME, decodeConsentCookie } from "@macaron/core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatedBody, launchBrowser, ran, startSite, type TestSite, testClientConfig } from "./harness.ts";

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

/** The focused element (looking into shadow roots) as "role: name [state]". */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body) return "body";
    const role = active.getAttribute("role") ?? active.localName;
    const name = active.getAttribute("aria-label") ?? active.textContent?.trim();
    const checked = active.getAttribute("aria-checked");
    return `${role}: ${name}${checked ? ` [${checked}]` : ""}`;
  });
}

async function tabUntil(page: Page, target: string, limit = 30): Promise<void> {
  for (let step = 0; step < limit; step++) {
    if ((await focused(page)) === target) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}; at ${await focused(page)}`);
}

async function tabSequence(page: Page, count: number): Promise<string[]> {
  const seen: string[] = [];
  for (let step = 0; step < count; step++) {
    await page.keyboard.press("Tab");
    seen.push(await focused(page));
  }
  return seen;
}

const DIALOG_ORDER = [
  "button: Close",
  "a: Cookie policy",
  "summary: Cookies (3)",
  "switch: Audience measurement [false]",
  "summary: Cookies (1)",
  "switch: Targeted advertising and conversion tracking [false]",
  "summary: Cookies (1)",
  "switch: Social networks [false]",
  "summary: Cookies (2)",
  "button: Save my choices",
  "button: Reject all",
  "button: Accept all",
];

describe("a custom choice with the keyboard only", () => {
  it("reaches every control in order, traps focus, closes on Esc and restores focus", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url("/"));
    await tabUntil(page, "a: Cookie policy");
    expect(await tabSequence(page, 3)).toEqual([
      "button: Reject all",
      "button: Accept all",
      "button: Customize",
    ]);
    await page.keyboard.press("Enter");
    expect(await focused(page)).toBe("button: Close");
    // Around the dialog and back to its start: focus never leaves it.
    expect(await tabSequence(page, DIALOG_ORDER.length)).toEqual([...DIALOG_ORDER.slice(1), DIALOG_ORDER[0]]);
    await page.keyboard.press("Shift+Tab");
    expect(await focused(page)).toBe("button: Accept all");
    await page.keyboard.press("Escape");
    expect(await page.getByRole("dialog").count()).toBe(0);
    expect(await focused(page)).toBe("button: Customize");
    expect((await context.cookies()).find((cookie) => cookie.name === CONSENT_COOKIE_NAME)).toBeUndefined();
    await context.close();
  });

  it("toggles switches with Space and Enter, opens service details, and saves the choice", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url("/"));
    await tabUntil(page, "button: Customize");
    await page.keyboard.press("Space");
    await tabUntil(page, "switch: Audience measurement [false]");
    await page.keyboard.press("Space");
    expect(await focused(page)).toBe("switch: Audience measurement [true]");
    await tabUntil(page, "switch: Targeted advertising and conversion tracking [false]");
    await page.keyboard.press("Enter");
    expect(await focused(page)).toBe("switch: Targeted advertising and conversion tracking [true]");
    // Inside social networks: the details open, and only Instagram is switched on.
    await tabUntil(page, "summary: Cookies (2)");
    await page.keyboard.press("Enter");
    await tabUntil(page, "switch: Instagram [false]");
    await page.keyboard.press("Space");
    expect(await page.getByRole("switch", { name: "Social networks" }).getAttribute("aria-checked")).toBe(
      "true",
    );
    expect(
      await page.getByRole("switch", { name: "Meta Pixel (Facebook)" }).getAttribute("aria-checked"),
    ).toBe("false");
    await tabUntil(page, "button: Save my choices");
    await page.keyboard.press("Enter");
    expect(await page.getByRole("dialog").count()).toBe(0);
    const cookie = (await context.cookies()).find((found) => found.name === CONSENT_COOKIE_NAME);
    const state = decodeConsentCookie(cookie?.value);
    expect(state?.categories).toEqual({ necessary: true, analytics: true, advertising: true, social: true });
    expect(state?.services).toEqual({
      "google-analytics": true,
      "google-ads": true,
      "meta-pixel": false,
      instagram: true,
    });
    await expect
      .poll(() => ran(page))
      .toEqual(["analytics-1.js", "inline-analytics", "ads.js", "analytics-2.js"]);
    await expect.poll(() => page.locator("iframe").getAttribute("src")).toContain("/embed");
    await context.close();
  });
});
