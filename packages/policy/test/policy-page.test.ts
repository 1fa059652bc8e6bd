/**
 * The policy page in a real Chromium: what a visitor sees and reads, what a screen reader gets
 * (axe-core, WCAG 2.2 AA), what comes out on paper, and that no configuration string runs.
 */
import { displayDuration } from "@macaron/core";
import { renderPolicy } from "@macaron/policy";
import { axeViolations, type LocalServer, launchChromium, listenLocally } from "@macaron/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedConfig } from "../../core/test/seed-config.ts";
import { hostileConfig, IMAGE, MARKDOWN, NAME, SCRIPT } from "./hostile-config.ts";

let browser: Browser;
let server: LocalServer;
const pages: Record<string, string> = {};

beforeAll(async () => {
  const config = seedConfig();
  for (const language of ["fr", "en"]) {
    pages[`/cookie-policy?lang=${language}`] = renderPolicy(config, { language, format: "html" }).body;
    pages[`/embed?lang=${language}`] =
      `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>Shop</title></head><body><main>${renderPolicy(config, { language, format: "html", fragment: true }).body}</main></body></html>`;
    pages[`/hostile?lang=${language}`] = renderPolicy(hostileConfig(), { language, format: "html" }).body;
  }
  pages["/with-sdk"] = renderPolicy(config, {
    language: "en",
    format: "html",
    sdk: { src: "/macaron.js", config: "/v1/policy" },
  }).body;
  // A stand-in for the SDK, doing what its contract says about `data-macaron-open`.
  const sdk = `document.addEventListener("click",(event)=>{const open=event.target.closest("[data-macaron-open]");if(open){event.preventDefault();window.preferencesOpened=document.querySelector('script[src="/macaron.js"]').dataset.config;}});`;
  server = await listenLocally((request, response) => {
    if (request.url === "/macaron.js") {
      response.writeHead(200, { "content-type": "text/javascript" }).end(sdk);
      return;
    }
    const page = pages[request.url ?? ""];
    if (page === undefined) response.writeHead(404).end();
    else response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, options: { colorScheme?: "light" | "dark" } = {}): Promise<Page> {
  const page = await browser.newPage({ colorScheme: options.colorScheme ?? "light" });
  await page.goto(`${server.url}${path}`);
  return page;
}

const cellTexts = (page: Page, table: string) =>
  page.$$eval(`#${table} tbody tr`, (rows) =>
    rows.map((row) =>
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, line breaks included, is what a visitor reads.
      [...row.children].map((cell) => (cell as HTMLElement).innerText.trim()),
    ),
  );

describe.each(["fr", "en"] as const)("the policy page in %s", (language) => {
  it("passes axe-core with zero violations, in the light and the dark scheme", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const page = await open(`/cookie-policy?lang=${language}`, { colorScheme });
      expect(await axeViolations(page), colorScheme).toEqual([]);
      await page.close();
    }
  });

  it("passes axe-core embedded as a fragment in a site's page", async () => {
    const page = await open(`/embed?lang=${language}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("shows every declared cookie with its provider and retention, and every service", async () => {
    const page = await open(`/cookie-policy?lang=${language}`);
    const rows = await cellTexts(page, "cookies-table");
    const config = seedConfig();
    for (const service of config.services) {
      for (const item of service.cookies) {
        const row = rows.find(([name]) => name?.split("\n")[0] === (item.name ?? item.pattern));
        expect(row, item.name ?? item.pattern).toBeDefined();
        expect(row?.[1]).toContain(service.provider);
        expect(row?.[1]).toContain(service.name);
        expect(row?.[4]).toBe(displayDuration(item.retention, language));
      }
    }
    const consentCookie = rows.find(([name]) => name === "macaron_consent");
    expect(consentCookie?.[4]).toBe(language === "fr" ? "6 mois" : "6 months");
    await page.close();
  });

  it("shows the four purposes with their legal bases and consent validity", async () => {
    const page = await open(`/cookie-policy?lang=${language}`);
    const rows = await cellTexts(page, "purposes-table");
    expect(rows.map((row) => row.slice(2))).toEqual(
      language === "fr"
        ? [
            ["Intérêt légitime", "Aucun consentement requis"],
            ["Recueil du consentement", "6 mois"],
            ["Recueil du consentement", "6 mois"],
            ["Recueil du consentement", "6 mois"],
          ]
        : [
            ["Legitimate interest", "No consent required"],
            ["Consent collection", "6 months"],
            ["Consent collection", "6 months"],
            ["Consent collection", "6 months"],
          ],
    );
    await page.close();
  });

  it("offers a visible withdrawal link that opens the preferences dialog", async () => {
    const page = await open(`/cookie-policy?lang=${language}`);
    const link = page.locator("#withdraw a[data-macaron-open]");
    expect(await link.isVisible()).toBe(true);
    expect(await link.textContent()).toBe(language === "fr" ? "Gérer les cookies" : "Manage cookies");
    await page.close();
  });

  it("prints the document without the page's chrome", async () => {
    const page = await open(`/cookie-policy?lang=${language}`);
    const chrome = ["header", "footer", "nav", "[data-macaron-print]"];
    for (const selector of chrome) expect(await page.locator(selector).isVisible(), selector).toBe(true);
    await page.emulateMedia({ media: "print" });
    for (const selector of [...chrome, ".macaron-skip"])
      expect(await page.locator(selector).isVisible(), selector).toBe(false);
    for (const selector of ["h1", "#purposes-table", "#cookies-table", "#withdraw", "#updates"])
      expect(await page.locator(selector).isVisible(), selector).toBe(true);
    // On paper, a link's address is printed after it.
    const after = await page.$eval(
      "#preamble a[href^='https://lespetitsprodiges.com/privacy-policy']",
      (link) => getComputedStyle(link, "::after").content,
    );
    expect(after).toContain("https://lespetitsprodiges.com/privacy-policy");
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await page.close();
  });
});

describe("the policy page's chrome", () => {
  it("switches language with links to the other language, marking the current one", async () => {
    const page = await open("/cookie-policy?lang=fr");
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    const links = await page.$$eval("nav a", (anchors) =>
      anchors.map((anchor) => [
        anchor.textContent,
        anchor.getAttribute("href"),
        anchor.getAttribute("aria-current"),
      ]),
    );
    expect(links).toEqual([
      ["Français", "?lang=fr", "true"],
      ["English", "?lang=en", null],
    ]);
    await page.click("text=English");
    await page.waitForURL(/lang=en/);
    expect(await page.locator("h1").textContent()).toBe("Cookie management policy");
    await page.close();
  });

  it("prints when the print button is pressed", async () => {
    const page = await open("/cookie-policy?lang=en");
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute("data-printed", "yes");
    });
    await page.click("[data-macaron-print]");
    expect(await page.getAttribute("body", "data-printed")).toBe("yes");
    await page.close();
  });

  it("loads the SDK when asked, so the withdrawal link reaches the preferences", async () => {
    const page = await open("/with-sdk");
    await page.click("a[data-macaron-open]");
    expect(
      await page.evaluate(() => (window as unknown as { preferencesOpened: unknown }).preferencesOpened),
    ).toBe("/v1/policy");
    expect(page.url()).not.toContain("#withdraw");
    await page.close();
  });
});

describe("configuration strings on the page", () => {
  it.each(["fr", "en"])("are shown as text, never run (%s)", async (language) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${server.url}/hostile?lang=${language}`, { waitUntil: "load" });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator("main img, main script").count()).toBe(0);
    const text = await page.locator("main").textContent();
    for (const payload of [SCRIPT, IMAGE, MARKDOWN, NAME]) expect(text).toContain(payload);
    expect(await page.title()).toContain(SCRIPT);
    expect(errors).toEqual([]);
    await page.close();
  });
});
