/**
 * The scan's Chromium: Debian's (or MACARON_CHROMIUM), never a downloaded one, started on a fresh
 * profile that allows third-party cookies, as the browser of a visitor who accepts them would.
 * Headless Chromium blocks them by default; `cookie_controls_mode: 0` in the profile's preferences
 * lifts that. Every state then runs in its own browser context of that profile.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium } from "playwright-core";
import { scannerError } from "./errors.ts";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--mute-audio",
  // Cross-site frames stay in the page's process, so one DevTools session sees every request; and one
  // renderer per state: no back-forward cache or process swap keeping the previous page alive (memory);
  // no WebUI omnibox popups, which Chromium 156 loads in a renderer of their own for every new window.
  "--disable-site-isolation-trials",
  "--disable-features=IsolateOrigins,site-per-process,BackForwardCache,ProactivelySwapBrowsingInstance,SpareRendererForSitePerProcess,WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup",
  "--enable-features=NetworkServiceInProcess2",
] as const;

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function chromiumPath(): string {
  const configured = process.env.MACARON_CHROMIUM;
  if (configured) return configured;
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found)
    throw scannerError("SCANNER_NO_BROWSER", `looked at MACARON_CHROMIUM and ${CANDIDATES.join(", ")}`);
  return found;
}

export interface ScanBrowser {
  readonly version: string;
  readonly userAgent: string;
  /** The browser's process id, root of the process tree (for memory measurements). */
  readonly pid: number | undefined;
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

// Chromium's helper processes may still be writing for a moment after the browser exits.
function removeProfile(profile: string): void {
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  } catch {
    // A temporary directory left behind is not worth failing a finished scan.
  }
}

/** A profile directory whose preferences allow third-party cookies. */
export function prepareProfile(): string {
  const directory = mkdtempSync(join(tmpdir(), "macaron-scan-"));
  mkdirSync(join(directory, "Default"));
  writeFileSync(
    join(directory, "Default", "Preferences"),
    JSON.stringify({ profile: { cookie_controls_mode: 0 } }),
  );
  return directory;
}

/** Starts Chromium itself (Playwright refuses a chosen profile for a non-persistent browser) and connects over CDP. */
function startChromium(
  profile: string,
  extraArgs: readonly string[],
): Promise<{ child: ChildProcess; endpoint: string }> {
  const child = spawn(
    chromiumPath(),
    [...FLAGS, `--user-data-dir=${profile}`, "--remote-debugging-port=0", ...extraArgs, "about:blank"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  return new Promise((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => fail(new Error("Chromium did not start within 30 s")), 30_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(scannerError("SCANNER_NO_BROWSER", `${error.message}\n${log.slice(-2000)}`));
    };
    child.once("error", fail);
    child.once("exit", (code) => fail(new Error(`Chromium exited with code ${code}`)));
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      log += chunk;
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        child.removeAllListeners("exit");
        child.stderr?.removeAllListeners("data");
        child.stderr?.resume();
        resolve({ child, endpoint: match[1] });
      }
    });
  });
}

export async function launchScanBrowser(extraArgs: readonly string[] = []): Promise<ScanBrowser> {
  const profile = prepareProfile();
  let started: { child: ChildProcess; endpoint: string };
  let browser: Browser;
  try {
    started = await startChromium(profile, extraArgs);
    browser = await chromium.connectOverCDP(started.endpoint);
  } catch (error) {
    removeProfile(profile);
    throw error;
  }
  const { child } = started;
  const probe = await browser.newContext();
  const page = await probe.newPage();
  const userAgent = String(await page.evaluate("navigator.userAgent"));
  await probe.close();
  return {
    version: browser.version(),
    userAgent,
    pid: child.pid,
    newContext: () => browser.newContext({ viewport: { width: 1280, height: 800 } }),
    close: async () => {
      await browser.close().catch(() => undefined);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      removeProfile(profile);
    },
  };
}
