/**
 * Withdrawal: deletes what the refused categories stored, by core's matching (exact names and
 * patterns). A script may have set a cookie on the host or on any parent domain, with path `/`
 * or the current path, so each is expired on all of them.
 */
import {
  type ClientStorageItem,
  cookieDomainCandidates,
  domainMatches,
  matchesStorageItem,
} from "@macaron/core";
import { cookieNames } from "./consent-cookie.ts";
import { config } from "./context.ts";

function expireCookie(name: string): void {
  for (const domain of ["", ...cookieDomainCandidates(location.hostname)]) {
    for (const path of ["/", location.pathname]) {
      // biome-ignore lint/suspicious/noDocumentCookie: deleting on a given domain and path needs the string form.
      document.cookie = `${name}=;Max-Age=0;Path=${path}${domain && `;Domain=${domain}`}`;
    }
  }
}

function storageKeys(storage: Storage): string[] {
  return Array.from({ length: storage.length }, (_, index) => storage.key(index) ?? "");
}

export function cleanUp(refused: readonly string[]): void {
  // A rule for another site's domain (.doubleclick.net) never names a cookie this page can see.
  const items: ClientStorageItem[] = config.items.filter(
    (item) =>
      refused.includes(item.category) && (!item.domain || domainMatches(item.domain, location.hostname)),
  );
  if (!items.length) return;
  const matching = (type: ClientStorageItem["type"], name: string) =>
    items.some((item) => matchesStorageItem(item, { type, name }));
  for (const name of cookieNames()) if (matching("cookie", name)) expireCookie(name);
  try {
    for (const type of ["localStorage", "sessionStorage"] as const) {
      const storage = window[type];
      for (const key of storageKeys(storage)) if (matching(type, key)) storage.removeItem(key);
    }
  } catch {
    // Storage disabled by the browser: nothing can have been stored there.
  }
}
