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
      // gtag's `cookie_prefix` option renames them `<prefix>_ga` and `<prefix>_ga_<container>`.
      { pattern: "*_ga", retention: "2 years", purpose: "Distinguishes users (renamed with cookie_prefix)." },
      {
        pattern: "*_ga_*",
        retention: "2 years",
        purpose: "Persists session state (renamed with cookie_prefix).",
      },
    ],
  },
  {
    id: "google-tag-manager",
    name: "Google Tag Manager",
    provider: "Google",
    category: "analytics",
    hosts: ["googletagmanager.com"],
    source: "https://support.google.com/tagmanager/answer/9323295",
    items: [{ pattern: "_dc_gtm_*", retention: "1 minute", purpose: "Throttles requests." }],
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
      { name: "_gcl_gs", retention: "90 days", purpose: "Stores Google Ads click data." },
      {
        name: "DSID",
        domain: ".doubleclick.net",
        retention: "2 weeks",
        purpose: "Identifies a signed-in user.",
      },
      { name: "ar_debug", domain: ".doubleclick.net", retention: "90 days", purpose: "Debugs ad reporting." },
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
      {
        name: "sb",
        domain: ".facebook.com",
        retention: "2 years",
        purpose: "Identifies the browser for login.",
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
    id: "tiktok-pixel",
    name: "TikTok Pixel",
    provider: "TikTok",
    category: "advertising",
    hosts: ["analytics.tiktok.com", "tiktok.com", "tiktokw.us"],
    source: "https://ads.tiktok.com/help/article/using-cookies-with-tiktok-pixel",
    items: [
      { name: "_ttp", retention: "13 months", purpose: "Measures and improves ad performance." },
      { name: "_tt_enable_cookie", retention: "13 months", purpose: "Checks that cookies can be set." },
      {
        name: "ttwid",
        domain: ".tiktok.com",
        retention: "1 year",
        purpose: "Identifies the browser to TikTok.",
      },
    ],
  },
  {
    id: "linkedin-insight",
    name: "LinkedIn Insight Tag",
    provider: "LinkedIn",
    category: "advertising",
    hosts: ["snap.licdn.com", "px.ads.linkedin.com", "linkedin.com", "licdn.com"],
    source: "https://www.linkedin.com/legal/l/cookie-table",
    items: [
      { name: "li_fat_id", retention: "30 days", purpose: "Attributes conversions to LinkedIn ad clicks." },
      { name: "li_sugr", retention: "90 days", purpose: "Matches the browser to a LinkedIn member." },
      { name: "bcookie", domain: ".linkedin.com", retention: "1 year", purpose: "Identifies the browser." },
      { name: "lidc", domain: ".linkedin.com", retention: "24 hours", purpose: "Routes requests." },
      { name: "UserMatchHistory", domain: ".linkedin.com", retention: "30 days", purpose: "Syncs ad ids." },
      { name: "AnalyticsSyncHistory", domain: ".linkedin.com", retention: "30 days", purpose: "Syncs ids." },
    ],
  },
  {
    id: "pinterest-tag",
    name: "Pinterest Tag",
    provider: "Pinterest",
    category: "advertising",
    hosts: ["s.pinimg.com", "ct.pinterest.com", "pinterest.com", "pinimg.com"],
    source: "https://policy.pinterest.com/en/cookies",
    items: [
      { name: "_pin_unauth", retention: "1 year", purpose: "Groups actions of a browser not signed in." },
      { name: "_pinterest_ct_ua", retention: "1 year", purpose: "Attributes conversions across sites." },
      { name: "_epik", retention: "1 year", purpose: "Stores the click identifier of a Pinterest ad." },
      { name: "_derived_epik", retention: "1 year", purpose: "Attributes conversions without a click id." },
    ],
  },
  {
    id: "microsoft-clarity",
    name: "Microsoft Clarity",
    provider: "Microsoft",
    category: "analytics",
    hosts: ["clarity.ms"],
    source: "https://learn.microsoft.com/en-us/clarity/setup-and-installation/cookie-list",
    items: [
      { name: "_clck", retention: "1 year", purpose: "Persists the Clarity user id." },
      { name: "_clsk", retention: "1 day", purpose: "Joins page views into one session recording." },
      { name: "CLID", domain: ".clarity.ms", retention: "1 year", purpose: "Identifies the first visit." },
      { name: "MUID", domain: ".clarity.ms", retention: "1 year", purpose: "Identifies the browser." },
    ],
  },
  {
    id: "microsoft-advertising",
    name: "Microsoft Advertising (Bing UET)",
    provider: "Microsoft",
    category: "advertising",
    hosts: ["bat.bing.com", "bing.com"],
    source: "https://help.ads.microsoft.com/#apex/ads/en/56960/1",
    items: [
      { name: "_uetsid", retention: "1 day", purpose: "Identifies the session for conversion tracking." },
      { name: "_uetvid", retention: "13 months", purpose: "Identifies the visitor for conversion tracking." },
      { name: "_uetmsclkid", retention: "90 days", purpose: "Stores the Microsoft Advertising click id." },
      { name: "MUID", domain: ".bing.com", retention: "13 months", purpose: "Identifies the browser." },
    ],
  },
  {
    id: "hotjar",
    name: "Hotjar",
    provider: "Hotjar",
    category: "analytics",
    hosts: ["hotjar.com", "hotjar.io"],
    source: "https://help.hotjar.com/hc/en-us/articles/6952777582999-Cookies-Set-by-the-Hotjar-Tracking-Code",
    items: [
      { pattern: "_hjSessionUser_*", retention: "1 year", purpose: "Holds the Hotjar user id of the site." },
      { pattern: "_hjSession_*", retention: "30 minutes", purpose: "Holds the current session's data." },
      { name: "_hjHasCachedUserAttributes", retention: "session", purpose: "Caches user attributes." },
      { name: "_hjIncludedInSessionSample", retention: "30 minutes", purpose: "Sampling flag." },
      { pattern: "_hjIncludedInSessionSample_*", retention: "30 minutes", purpose: "Sampling flag." },
      { name: "_hjTLDTest", retention: "session", purpose: "Finds the widest cookie domain." },
      {
        name: "_hjAbsoluteSessionInProgress",
        retention: "30 minutes",
        purpose: "Detects a user's first view.",
      },
      { type: "localStorage", pattern: "_hj*", retention: "1 year", purpose: "Hotjar's stored state." },
      { type: "sessionStorage", pattern: "_hj*", retention: "session", purpose: "Hotjar's session state." },
    ],
  },
  {
    id: "matomo",
    name: "Matomo",
    provider: "InnoCraft",
    category: "analytics",
    // Self-hosted Matomo runs on the site's own host; Matomo Cloud serves each account from
    // <account>.matomo.cloud (tracker and matomo.php) and cdn.matomo.cloud.
    hosts: ["matomo.cloud"],
    source: "https://matomo.org/faq/general/faq_146/",
    audienceMeasurementExemptable: true,
    items: [
      { pattern: "_pk_id*", retention: "13 months", purpose: "Stores a visitor id." },
      { pattern: "_pk_ses*", retention: "30 minutes", purpose: "Holds the visit's session data." },
    ],
  },
  {
    id: "youtube",
    name: "YouTube embeds",
    provider: "Google",
    category: "social",
    hosts: ["youtube.com", "youtube-nocookie.com", "ytimg.com", "googlevideo.com"],
    source: "https://policies.google.com/technologies/cookies",
    items: [
      {
        name: "VISITOR_INFO1_LIVE",
        domain: ".youtube.com",
        retention: "6 months",
        purpose: "Estimates the bandwidth and remembers the player's settings.",
      },
      {
        name: "YSC",
        domain: ".youtube.com",
        retention: "session",
        purpose: "Counts views of embedded videos.",
      },
      {
        name: "VISITOR_PRIVACY_METADATA",
        domain: ".youtube.com",
        retention: "6 months",
        purpose: "Stores the visitor's consent state for YouTube.",
      },
      { name: "PREF", domain: ".youtube.com", retention: "8 months", purpose: "Stores player preferences." },
      { type: "localStorage", pattern: "yt-remote-*", retention: "1 year", purpose: "Player casting state." },
      { type: "localStorage", pattern: "ytidb::*", retention: "1 year", purpose: "Player state." },
    ],
  },
  {
    id: "vimeo",
    name: "Vimeo player",
    provider: "Vimeo",
    category: "social",
    hosts: ["vimeo.com", "vimeocdn.com"],
    source: "https://vimeo.com/cookie_policy",
    items: [
      {
        name: "vuid",
        domain: ".vimeo.com",
        retention: "2 years",
        purpose: "Counts plays for the video owner.",
      },
      {
        name: "__cf_bm",
        domain: ".vimeo.com",
        retention: "30 minutes",
        purpose: "Bot management for Vimeo.",
      },
    ],
  },
  {
    id: "criteo",
    name: "Criteo",
    provider: "Criteo",
    category: "advertising",
    hosts: ["criteo.com", "criteo.net"],
    source: "https://www.criteo.com/privacy/criteo-cookie-list/",
    items: [
      { name: "cto_bundle", retention: "13 months", purpose: "Identifies the browser for retargeting." },
      { name: "cto_bidid", retention: "13 months", purpose: "Identifies the browser in bidding." },
      { name: "uid", domain: ".criteo.com", retention: "13 months", purpose: "Identifies the browser." },
    ],
  },
  {
    id: "hubspot",
    name: "HubSpot",
    provider: "HubSpot",
    category: "analytics",
    hosts: [
      "js.hs-scripts.com",
      "js.hs-analytics.net",
      "track.hubspot.com",
      "hubspot.com",
      "hs-analytics.net",
    ],
    source:
      "https://knowledge.hubspot.com/privacy-and-consent/what-cookies-does-hubspot-set-in-a-visitor-s-browser",
    items: [
      { name: "hubspotutk", retention: "6 months", purpose: "Tracks the visitor's identity." },
      { name: "__hstc", retention: "6 months", purpose: "Tracks visitors: first, last and current visit." },
      { name: "__hssc", retention: "30 minutes", purpose: "Counts page views in a session." },
      { name: "__hssrc", retention: "session", purpose: "Detects a browser restart." },
    ],
  },
  {
    id: "shopify",
    name: "Shopify storefront",
    provider: "Shopify",
    category: "necessary",
    hosts: ["cdn.shopify.com", "shopify.com"],
    source: "https://www.shopify.com/legal/cookies",
    items: [
      { name: "cart", retention: "2 weeks", purpose: "Keeps the shopping cart." },
      { name: "cart_sig", retention: "2 weeks", purpose: "Checks the cart's integrity." },
      { name: "_secure_session_id", retention: "24 hours", purpose: "Keeps the checkout session." },
      { name: "secure_customer_sig", retention: "1 year", purpose: "Keeps the customer signed in." },
      { name: "_tracking_consent", retention: "1 year", purpose: "Stores the consent choice." },
    ],
  },
  {
    id: "shopify-analytics",
    name: "Shopify analytics",
    provider: "Shopify",
    category: "analytics",
    hosts: ["monorail-edge.shopifysvc.com"],
    source: "https://www.shopify.com/legal/cookies",
    items: [
      { name: "_shopify_y", retention: "1 year", purpose: "Shopify analytics: identifies the visitor." },
      { name: "_shopify_s", retention: "30 minutes", purpose: "Shopify analytics: identifies the session." },
      { name: "_shopify_sa_p", retention: "30 minutes", purpose: "Shopify analytics: marketing referral." },
      {
        name: "_shopify_sa_t",
        retention: "30 minutes",
        purpose: "Shopify analytics: marketing referral time.",
      },
    ],
  },
  {
    id: "stripe",
    name: "Stripe",
    provider: "Stripe",
    category: "necessary",
    hosts: ["js.stripe.com", "m.stripe.com", "m.stripe.network", "stripe.com", "stripe.network"],
    source: "https://stripe.com/legal/cookies-policy",
    items: [
      { name: "__stripe_mid", retention: "1 year", purpose: "Fraud prevention for payments." },
      { name: "__stripe_sid", retention: "30 minutes", purpose: "Fraud prevention for the payment session." },
      { name: "m", domain: ".m.stripe.com", retention: "2 years", purpose: "Fraud prevention: device id." },
    ],
  },
  {
    id: "cloudflare",
    name: "Cloudflare",
    provider: "Cloudflare",
    category: "necessary",
    hosts: ["cdnjs.cloudflare.com", "challenges.cloudflare.com"],
    source:
      "https://developers.cloudflare.com/fundamentals/reference/policies-compliances/cloudflare-cookies/",
    items: [
      { name: "__cf_bm", retention: "30 minutes", purpose: "Bot management: tells humans from bots." },
      { name: "cf_clearance", retention: "1 year", purpose: "Proves a challenge was passed." },
      { name: "_cfuvid", retention: "session", purpose: "Rate limiting shared by visitors of one IP." },
      {
        pattern: "__cflb*",
        retention: "24 hours",
        purpose: "Load balancing: keeps the visitor on one origin.",
      },
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
