/**
 * Whether a cookie or storage key seen in a browser is the one a rule declares: by exact name or
 * by pattern (`_ga_*`), and for cookies by domain. Shared by the SDK's clean-up on withdrawal and
 * the scanner's classifier, so both read a declaration the same way.
 */
import type { StorageType } from "./config-schema.ts";

export interface StorageItemRule {
  readonly type?: StorageType;
  readonly name?: string;
  /** `*` matches any run of characters, including none. */
  readonly pattern?: string;
  /** A cookie domain (`.doubleclick.net` or `doubleclick.net`); absent for the site's own cookies. */
  readonly domain?: string;
}

export interface ObservedStorageItem {
  readonly type: StorageType;
  readonly name: string;
  /** The cookie's domain as the browser reports it; unknown (absent) from `document.cookie`. */
  readonly domain?: string;
}

/** Whether `name` matches a `*` pattern, the whole name, case-sensitively (cookie names are). */
export function matchesPattern(pattern: string, name: string): boolean {
  const parts = pattern.split("*");
  const first = parts[0] ?? "";
  const last = parts[parts.length - 1] ?? "";
  if (parts.length === 1) return name === pattern;
  if (!name.startsWith(first) || name.length < first.length + last.length || !name.endsWith(last))
    return false;
  let position = first.length;
  const end = name.length - last.length;
  for (let index = 1; index < parts.length - 1; index++) {
    const part = parts[index] ?? "";
    const found = name.indexOf(part, position);
    if (found < 0 || found + part.length > end) return false;
    position = found + part.length;
  }
  return true;
}

export function matchesName(rule: StorageItemRule, name: string): boolean {
  if (rule.name !== undefined) return rule.name === name;
  return rule.pattern !== undefined && matchesPattern(rule.pattern, name);
}

function bareDomain(domain: string): string {
  return (domain.startsWith(".") ? domain.slice(1) : domain).toLowerCase();
}

/**
 * RFC 6265 domain matching: `cookieDomain` is the rule's domain or one of its sub-domains.
 * `www.shop.example` matches a rule for `shop.example`; `evilshop.example` does not.
 */
export function domainMatches(ruleDomain: string, cookieDomain: string): boolean {
  const rule = bareDomain(ruleDomain);
  const observed = bareDomain(cookieDomain);
  return observed === rule || observed.endsWith(`.${rule}`);
}

/**
 * Whether an observed item is the declared one. A rule without a domain declares the site's own
 * item and matches on name alone; a rule with a domain also needs the observed domain to match,
 * unless the observer cannot know it (`document.cookie` gives names only).
 */
export function matchesStorageItem(rule: StorageItemRule, observed: ObservedStorageItem): boolean {
  if ((rule.type ?? "cookie") !== observed.type || !matchesName(rule, observed.name)) return false;
  if (rule.domain === undefined || observed.domain === undefined) return true;
  return domainMatches(rule.domain, observed.domain);
}

/**
 * The domains a cookie visible on `hostname` may have been set on: the host itself and each
 * parent domain (`a.shop.example` → `a.shop.example`, `shop.example`, `example`). Deleting on
 * all of them reaches the cookie wherever a script put it; the browser ignores the public suffix.
 */
export function cookieDomainCandidates(hostname: string): string[] {
  const labels = hostname.toLowerCase().split(".");
  const candidates: string[] = [];
  for (let index = 0; index < labels.length; index++) candidates.push(labels.slice(index).join("."));
  return candidates;
}
