/**
 * The cookie policy page as a visitor gets it from the ledger server, in Chromium: under its
 * strict CSP the SDK loads, asks, and its proof reaches this server's ledger; the withdrawal link
 * opens the preferences.
 */
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { launchChromium } from "@macaron/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedConfig, startLedger, type TestLedger } from "./fixtures/ledger-server.ts";

const SDK = fileURLToPath(new URL("../../../web/dist/macaron.js", import.meta.url));

/** A port that was free a moment ago: the page's origin must be in the configuration before listening. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

let ledger: TestLedger;
let browser: Browser;
beforeAll(async () => {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const config = seedConfig((input) => {
    input.site = { ...input.site, origins: [origin] };
  });
  ledger = await startLedger({ config, sdkPath: SDK, port });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await ledger?.close();
});

describe("GET /cookie-policy in Chromium", () => {
  it("loads the SDK under the page's CSP, records the refusal in the ledger, and reopens the choice", async () => {
    const page = await browser.newPage({ locale: "fr-FR" });
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    page.on("pageerror", (error) => violations.push(error.message));
    const response = await page.goto(`${ledger.url}/cookie-policy`);
    expect(response?.headers()["content-language"]).toBe("fr");
    await expect.poll(() => page.locator("#macaron .b button").count()).toBeGreaterThan(0);
    await page.locator("#macaron .b button", { hasText: "Tout refuser" }).first().click();
    const subjectId = await page.evaluate(() => (window as any).Macaron.get().subjectId as string);
    await expect
      .poll(async () => (await ledger.store.subjectHistory(subjectId)).map((proof) => proof.record.method))
      .toEqual(["reject-all"]);
    await page.locator("[data-macaron-open]").first().click();
    await expect.poll(() => page.getByRole("dialog").isVisible()).toBe(true);
    expect(violations).toEqual([]);
    await page.close();
  });
});
