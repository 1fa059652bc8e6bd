/**
 * Core is pure TypeScript: the same code runs unchanged in a browser and gives the same results
 * as in Node (WebCrypto hashing, the consent cookie codec, durations).
 */
import { fileURLToPath } from "node:url";
import { encodeConsentCookie, noticeHash } from "@macaron/core";
import { type LocalServer, launchChromium, listenLocally } from "@macaron/testing";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedConfig } from "./seed-config.ts";

let browser: Browser;
let server: LocalServer;

beforeAll(async () => {
  const bundle = await build({
    stdin: {
      contents: 'import * as core from "@macaron/core"; globalThis.core = core;',
      resolveDir: fileURLToPath(new URL(".", import.meta.url)),
    },
    bundle: true,
    format: "iife",
    platform: "browser",
    write: false,
  });
  const script = bundle.outputFiles[0]?.text ?? "";
  server = await listenLocally((request, response) => {
    if (request.url === "/core.js") {
      response.writeHead(200, { "content-type": "text/javascript" }).end(script);
    } else {
      response
        .writeHead(200, { "content-type": "text/html" })
        .end('<!doctype html><script src="/core.js"></script>');
    }
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("core in Chromium", () => {
  it("computes the same notice hash and cookie value as Node", async () => {
    const config = seedConfig();
    const page = await browser.newPage();
    await page.goto(server.url);
    const inBrowser = await page.evaluate(async (configuration) => {
      const core = (globalThis as any).core;
      const state = {
        subjectId: "0b5e1c3a-8f2d-4c6e-9a7b-1d2e3f4a5b6c",
        decidedAt: new Date("2026-11-25T10:00:00Z"),
        expiresAt: core.addDuration(new Date("2026-11-25T10:00:00Z"), { amount: 6, unit: "month" }),
        revision: 1,
        categories: { analytics: true, advertising: false },
        services: {},
      };
      return {
        fr: await core.noticeHash(configuration, "fr"),
        en: await core.noticeHash(configuration, "en"),
        cookie: core.encodeConsentCookie(state),
        decoded: core.decodeConsentCookie(core.encodeConsentCookie(state))?.categories,
      };
    }, config);
    expect(inBrowser.fr).toBe(await noticeHash(config, "fr"));
    expect(inBrowser.en).toBe(await noticeHash(config, "en"));
    expect(inBrowser.cookie).toBe(
      encodeConsentCookie({
        subjectId: "0b5e1c3a-8f2d-4c6e-9a7b-1d2e3f4a5b6c",
        decidedAt: new Date("2026-11-25T10:00:00Z"),
        expiresAt: new Date("2027-05-25T10:00:00Z"),
        revision: 1,
        categories: { analytics: true, advertising: false },
        services: {},
      }),
    );
    expect(inBrowser.decoded).toEqual({ analytics: true, advertising: false });
  });
});
