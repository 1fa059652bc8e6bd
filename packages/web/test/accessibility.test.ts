import { axeViolations } from "@macaron/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatedBody, launchBrowser, startSite, type TestSite, testClientConfig } from "./harness.ts";

let site: TestSite;
let browser: Browser;

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
  const { client } = await testClientConfig();
  site.page("/en", { client, lang: "en", body: gatedBody(site) });
  site.page("/fr", {
    client,
    lang: "fr",
    body: gatedBody(site).replace("Manage cookies", "Gérer les cookies"),
  });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const CASES = [
  { language: "en", colorScheme: "light", customize: "Customize", title: "Cookie preferences" },
  { language: "en", colorScheme: "dark", customize: "Customize", title: "Cookie preferences" },
  {
    language: "fr",
    colorScheme: "light",
    customize: "Personnaliser",
    title: "Préférences en matière de cookies",
  },
  {
    language: "fr",
    colorScheme: "dark",
    customize: "Personnaliser",
    title: "Préférences en matière de cookies",
  },
] as const;

async function openPage(language: string, colorScheme: "light" | "dark"): Promise<Page> {
  const page = await browser.newPage({ colorScheme });
  await page.goto(site.url(`/${language}`));
  return page;
}

describe("accessibility (axe-core, WCAG 2.2 A/AA)", () => {
  for (const { language, colorScheme, customize, title } of CASES) {
    it(`finds no violation in the banner and the dialog, ${language}, ${colorScheme} scheme`, async () => {
      const page = await openPage(language, colorScheme);
      expect(await page.locator("#macaron .b").isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await page.locator("#macaron .b button", { hasText: customize }).click();
      const dialog = page.getByRole("dialog", { name: title });
      expect(await dialog.isVisible()).toBe(true);
      // Every service's details open, so their switches and cookie lists are checked too.
      for (const summary of await dialog.locator("summary").all()) await summary.click();
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }

  it("speaks the page's language: French texts under <html lang=fr>", async () => {
    const page = await openPage("fr", "light");
    const banner = page.getByRole("region", { name: "Votre choix sur les cookies" });
    expect(await banner.getAttribute("lang")).toBe("fr");
    expect(await banner.getByRole("button").allTextContents()).toEqual([
      "Tout refuser",
      "Tout accepter",
      "Personnaliser",
    ]);
    await page.close();
  });

  it("uses the dark palette under prefers-color-scheme: dark", async () => {
    const colours = async (scheme: "light" | "dark") => {
      const page = await openPage("en", scheme);
      const value = await page.evaluate(() => {
        const banner = document.getElementById("macaron")?.shadowRoot?.querySelector(".b") as Element;
        return getComputedStyle(banner).backgroundColor;
      });
      await page.close();
      return value;
    };
    expect(await colours("light")).toBe("rgb(255, 255, 255)");
    expect(await colours("dark")).not.toBe("rgb(255, 255, 255)");
  });

  it("takes the page's --macaron-* custom properties, and nothing else of its CSS", async () => {
    const page = await browser.newPage();
    await page.goto(site.url("/en"));
    await page.evaluate(() => {
      const style = document.createElement("style");
      style.textContent = "#macaron{--macaron-accent:rgb(1, 2, 3)} button{background:red!important}";
      document.head.append(style);
    });
    const background = await page.evaluate(() => {
      const button = document.getElementById("macaron")?.shadowRoot?.querySelector(".b button") as Element;
      return getComputedStyle(button).backgroundColor;
    });
    expect(background).toBe("rgb(1, 2, 3)");
    await page.close();
  });

  it("drops the switches' motion under prefers-reduced-motion", async () => {
    const duration = async (reducedMotion: "reduce" | "no-preference") => {
      const page = await browser.newPage({ reducedMotion });
      await page.goto(site.url("/en"));
      await page.locator("#macaron .b button", { hasText: "Customize" }).click();
      const value = await page.evaluate(() => {
        const toggle = document.getElementById("macaron")?.shadowRoot?.querySelector(".s") as Element;
        return getComputedStyle(toggle, "::after").transitionDuration;
      });
      await page.close();
      return value;
    };
    expect(await duration("no-preference")).toBe("0.1s");
    expect(await duration("reduce")).toBe("0s");
  });
});
