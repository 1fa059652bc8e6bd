/**
 * Macaron's own knowledge base of well-known vendors: their cookies, storage keys and hosts,
 * written from each vendor's public documentation (the `source` of every entry). Validation uses
 * it to refuse a tracker declared strictly necessary; the scanner uses it to classify what it sees.
 */
import type { StorageType } from "./config-schema.ts";
import { matchesStorageItem, type ObservedStorageItem } from "./storage-match.ts";

export type KnownCategory = "necessary" | "functional" | "analytics" | "advertising" | "social";

export interface KnownItem {
  readonly type?: StorageType;
  readonly name?: string;
  readonly pattern?: string;
  /** Cookie domain when the vendor sets it on its own domain (third party). */
  readonly domain?: string;
  /** Lifetime the vendor documents, as a duration text. */
  readonly retention: string;
  readonly purpose: string;
}

export interface KnownVendor {
  readonly id: string;
  readonly name: string;
  readonly provider: string;
  readonly category: KnownCategory;
  /** Host suffixes the vendor's scripts, pixels and frames load from. */
  readonly hosts: readonly string[];
  readonly items: readonly KnownItem[];
  /** Where the facts come from. */
  readonly source: string;
  /**
   * CNIL allows some audience-measurement tools without consent when configured for it
   * (first-party, aggregated, cookies at most 13 months). Only such vendors may sit in an
   * exempt category with the `audience-measurement` exemption.
   */
  readonly audienceMeasurementExemptable?: boolean;
}

export const KNOWN_VENDORS: readonly KnownVendor[] = [
  {
    id: "google-analytics",
    name: "Google Analytics 4",
    provider: "Google",
    category: "analytics",
    hosts: ["google-analytics.com", "analytics.google.com"],
    source: "https://support.google.com/analytics/answer/11397207",
    items: [
      { name: "_ga", retention: "2 years", purpose: "Distinguishes users." },
      { pattern: "_ga_*", retention: "2 years", purpose: "Persists session state." },
      { name: "_gid", retention: "24 hours", purpose: "Distinguishes users (Universal Analytics)." },
      { pattern: "_gat*", retention: "1 minute", purpose: "Throttles the request rate." },
    ],
  },
  {
    id: "google-tag-manager",
    name: "Google Tag Manager",
    provider: "Google",
    category: "analytics",
    hosts: ["googletagmanager.com"],
    source: "https://support.google.com/tagmanager/answer/9323295",
    items: [],
  },
  {
    id: "google-ads",
    name: "Google Ads",
    provider: "Google",
    category: "advertising",
    hosts: ["googleadservices.com", "googlesyndication.com", "doubleclick.net"],
    source: "https://business.safety.google/adscookies/",
    items: [
      {
        name: "_gcl_au",
        retention: "90 days",
        purpose: "Stores ad-click information to attribute conversions.",
      },
      {
        name: "_gcl_aw",
        retention: "90 days",
        purpose: "Stores the click identifier of a Google Ads visit.",
      },
      {
        name: "_gcl_dc",
        retention: "90 days",
        purpose: "Stores the click identifier of a Display ad visit.",
      },
      {
        name: "IDE",
        domain: ".doubleclick.net",
        retention: "13 months",
        purpose: "Personalises and measures ads.",
      },
      {
        name: "test_cookie",
        domain: ".doubleclick.net",
        retention: "15 minutes",
        purpose: "Checks cookie support.",
      },
    ],
  },
  {
    id: "meta-pixel",
    name: "Meta Pixel",
    provider: "Meta",
    category: "advertising",
    hosts: ["connect.facebook.net", "facebook.com", "facebook.net"],
    source: "https://www.facebook.com/privacy/policies/cookies/",
    items: [
      {
        name: "_fbp",
        retention: "90 days",
        purpose: "Identifies the browser for ad delivery and measurement.",
      },
      { name: "_fbc", retention: "90 days", purpose: "Stores the last Facebook ad click identifier." },
      { name: "fr", domain: ".facebook.com", retention: "90 days", purpose: "Delivers and measures ads." },
      {
        name: "datr",
        domain: ".facebook.com",
        retention: "2 years",
        purpose: "Identifies the browser for security.",
      },
    ],
  },
  {
    id: "instagram",
    name: "Instagram embeds",
    provider: "Meta",
    category: "social",
    hosts: ["instagram.com", "cdninstagram.com"],
    source: "https://privacycenter.instagram.com/policies/cookies/",
    items: [
      {
        name: "csrftoken",
        domain: ".instagram.com",
        retention: "1 year",
        purpose: "Protects requests to Instagram.",
      },
      {
        name: "mid",
        domain: ".instagram.com",
        retention: "2 years",
        purpose: "Identifies the browser to Instagram.",
      },
      {
        name: "ig_did",
        domain: ".instagram.com",
        retention: "2 years",
        purpose: "Identifies the device to Instagram.",
      },
    ],
  },
  {
    id: "matomo",
    name: "Matomo",
    provider: "InnoCraft",
    category: "analytics",
    hosts: [],
    source: "https://matomo.org/faq/general/faq_146/",
    audienceMeasurementExemptable: true,
    items: [
      { pattern: "_pk_id*", retention: "13 months", purpose: "Stores a visitor id." },
      { pattern: "_pk_ses*", retention: "30 minutes", purpose: "Holds the visit's session data." },
    ],
  },
];

/** The known vendor and item an observed cookie or storage key belongs to, if any. */
export function knownItemFor(
  observed: ObservedStorageItem,
  vendors: readonly KnownVendor[] = KNOWN_VENDORS,
): { readonly vendor: KnownVendor; readonly item: KnownItem } | undefined {
  for (const vendor of vendors) {
    for (const item of vendor.items) if (matchesStorageItem(item, observed)) return { vendor, item };
  }
  return undefined;
}

/** The known vendor serving from `host` (`region1.google-analytics.com` → Google Analytics 4). */
export function knownVendorForHost(
  host: string,
  vendors: readonly KnownVendor[] = KNOWN_VENDORS,
): KnownVendor | undefined {
  const bare = host.toLowerCase().replace(/^\*\./, "");
  return vendors.find((vendor) =>
    vendor.hosts.some((suffix) => bare === suffix || bare.endsWith(`.${suffix}`)),
  );
}
