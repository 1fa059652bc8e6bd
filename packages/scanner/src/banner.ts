/**
 * Reaching a consent state as a visitor would. Macaron's banner is driven through its API
 * (`window.Macaron`); any other banner through its buttons' accessible names, in French and English.
 * Withdrawal: accept, reopen the preferences from a `data-macaron-open` element (or a cookie-settings
 * button), refuse, reload.
 */
import type { Frame, Page } from "playwright-core";

export const SCAN_STATES = ["none", "reject", "accept", "withdraw"] as const;
export type ScanState = (typeof SCAN_STATES)[number];

export type StateOutcome = { readonly reached: true } | { readonly reached: false; readonly reason: string };

const ACCEPT_NAMES =
  /^\s*(tout accepter|accepter tout|accepter et fermer|accepter|j[’']accepte|accept all|accept all cookies|allow all|accept|agree|i agree)\s*$/i;
const REJECT_NAMES =
  /^\s*(tout refuser|refuser tout|tout rejeter|continuer sans accepter|refuser|reject all|refuse all|decline all|deny all|reject|decline|continue without accepting)\s*$/i;
const SETTINGS_NAMES =
  /^\s*(gérer les cookies|paramètres des cookies|préférences des cookies|personnaliser|gérer mes préférences|cookie settings|cookie preferences|manage cookies|privacy settings)\s*$/i;

const HAS_MACARON =
  "typeof window.Macaron === 'object' && window.Macaron !== null && typeof window.Macaron.acceptAll === 'function'";

/**
 * Whether the page exposes Macaron's API, waiting up to `waitMs` for an SDK loaded late. Polled from
 * here, not in the page: a page's own timers and animation frames may be throttled.
 */
async function hasMacaron(page: Page, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      if ((await page.evaluate(HAS_MACARON)) === true) return true;
    } catch {
      // The page is navigating: ask again.
    }
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function clickByName(page: Page, names: RegExp): Promise<boolean> {
  const frames: Frame[] = [page.mainFrame(), ...page.frames().filter((frame) => frame !== page.mainFrame())];
  for (const frame of frames) {
    const target = frame.getByRole("button", { name: names }).or(frame.getByRole("link", { name: names }));
    try {
      const count = await target.count();
      for (let index = 0; index < count; index++) {
        const candidate = target.nth(index);
        if (await candidate.isVisible()) {
          await candidate.click({ timeout: 5000 });
          return true;
        }
      }
    } catch {
      // A frame that went away while we looked: try the next one.
    }
  }
  return false;
}

async function decide(page: Page, choice: "accept" | "reject", macaron: boolean): Promise<StateOutcome> {
  if (macaron) {
    await page.evaluate(choice === "accept" ? "window.Macaron.acceptAll()" : "window.Macaron.rejectAll()");
    return { reached: true };
  }
  if (await clickByName(page, choice === "accept" ? ACCEPT_NAMES : REJECT_NAMES)) return { reached: true };
  return {
    reached: false,
    reason: `no Macaron API and no visible "${choice === "accept" ? "Accept all" : "Reject all"}" button (French or English names)`,
  };
}

async function reopenPreferences(page: Page, macaron: boolean): Promise<boolean> {
  if (macaron) {
    const opener = page.locator("[data-macaron-open]").first();
    if ((await opener.count()) === 0) return false;
    await opener.click({ timeout: 5000 });
    return true;
  }
  return clickByName(page, SETTINGS_NAMES);
}

export interface StateSteps {
  /** Waits for the network to go quiet, between the steps of a withdrawal. */
  settle(): Promise<void>;
  /** Called just before the decision that defines the state: what came before belongs to another state. */
  beforeDecision(): void;
}

/** Takes the page, loaded and quiet, into `state`. */
export async function reachState(
  page: Page,
  state: ScanState,
  { settle, beforeDecision }: StateSteps,
  waitMs = 3000,
): Promise<StateOutcome> {
  if (state === "none") return { reached: true };
  const macaron = await hasMacaron(page, waitMs);
  if (state === "accept" || state === "reject") {
    beforeDecision();
    return decide(page, state, macaron);
  }
  const accepted = await decide(page, "accept", macaron);
  if (!accepted.reached) return accepted;
  await settle();
  if (!(await reopenPreferences(page, macaron))) {
    return {
      reached: false,
      reason: macaron
        ? "no element with data-macaron-open to reopen the preferences after accepting"
        : 'no visible "Cookie settings" button to reopen the preferences after accepting',
    };
  }
  await settle();
  beforeDecision();
  const refused = await decide(page, "reject", macaron);
  if (!refused.reached) return refused;
  await settle();
  await page.reload({ waitUntil: "load" });
  return { reached: true };
}
