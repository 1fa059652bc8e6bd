/** Reading and writing the `macaron_consent` cookie (the value's format is core's codec). */
import { CONSENT_COOKIE_NAME } from "@macaron/core";

/** Every cookie name visible to the page. */
export function cookieNames(): string[] {
  return document.cookie
    .split(";")
    .map((pair) => pair.split("=")[0]?.trim() ?? "")
    .filter(Boolean);
}

export function readConsentCookie(): string | undefined {
  for (const pair of document.cookie.split("; ")) {
    const at = pair.indexOf("=");
    if (pair.slice(0, at) === CONSENT_COOKIE_NAME) return pair.slice(at + 1);
  }
  return undefined;
}

/** First-party, `SameSite=Lax`, `Secure` on https, kept as long as the decision is valid. */
export function writeConsentCookie(value: string, expiresAt: Date): void {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing in Firefox and Safari.
  document.cookie = `${CONSENT_COOKIE_NAME}=${value};Path=/;Max-Age=${maxAge};SameSite=Lax${
    location.protocol === "https:" ? ";Secure" : ""
  }`;
}
