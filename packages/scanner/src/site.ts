/** The site's boundary: registrable domain (eTLD+1) from the Public Suffix List, via tldts. */
import { getDomain } from "tldts";

/** The registrable domain of a host (`www.shop.co.uk` → `shop.co.uk`); the host itself for an IP. */
export function registrableDomain(host: string): string {
  const bare = host.replace(/^\./, "").toLowerCase();
  return getDomain(bare, { allowPrivateDomains: true }) ?? bare;
}

export function sameSite(host: string, siteDomain: string): boolean {
  return host !== "" && registrableDomain(host) === siteDomain;
}

/** The crawl's key for a URL: fragment and query string dropped, so `?page=2` is not another page. */
export function pageKey(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}
