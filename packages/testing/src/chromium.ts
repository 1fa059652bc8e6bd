/**
 * Launching Debian's Chromium for tests and benchmarks, never a downloaded browser. Flags: no
 * sandbox (we run as root), no GPU, and no background networking, which this machine's closed
 * network would refuse many times at every start. No WebUI omnibox popups: Chromium 156 loads two
 * of them (chrome://omnibox-popup.top-chrome, tens of scripts) in a renderer of their own for every
 * new window, so each fresh context would share the cores with them while its page loads.
 */
import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, chromium, type LaunchOptions } from "playwright-core";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup",
] as const;

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** The Chromium executable: `MACARON_CHROMIUM`, else Debian's. */
export function chromiumPath(): string {
  const configured = process.env.MACARON_CHROMIUM;
  if (configured) return configured;
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      "Chromium not found: install Debian's package (apt-get install -y chromium) or set MACARON_CHROMIUM",
    );
  }
  return found;
}

/**
 * A headless Chromium with a fresh profile (Playwright gives every launch its own temporary
 * user-data directory and removes it on close).
 */
export function launchChromium(
  options: { args?: readonly string[] } & Omit<LaunchOptions, "args"> = {},
): Promise<Browser> {
  const { args = [], ...rest } = options;
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_FLAGS, ...args], ...rest });
}

/** A persistent context in `userDataDir`, for profiles prepared beforehand (e.g. third-party cookies allowed). */
export function launchChromiumProfile(
  userDataDir: string,
  options: { args?: readonly string[] } & Record<string, unknown> = {},
): Promise<BrowserContext> {
  const { args = [], ...rest } = options;
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    args: [...CHROMIUM_FLAGS, ...args],
    ...rest,
  });
}
