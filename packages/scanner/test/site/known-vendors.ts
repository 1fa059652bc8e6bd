/**
 * One stand-in per vendor of the built-in knowledge base, for the vendors page: each sets the cookies
 * and storage keys the vendor's entry lists, with the lifetimes it documents, where the vendor sets them
 * (first party through `document.cookie`, third party through `Set-Cookie` on the vendor's host), and
 * sends the vendor's characteristic request. Written by us from the entries; no vendor code.
 */

/** Cookie name → lifetime, as a cookie policy states it ("13 months", "session"). */
export type Lifetimes = Readonly<Record<string, string>>;

export interface KnownVendorStandIn {
  /** The consent category the site loads the tag under; a necessary vendor loads on any decision. */
  readonly category: "analytics" | "advertising" | "social" | "any-decision";
  /** The vendor's tag: a script at its real host. */
  readonly tag: string;
  /** First-party cookies the tag writes through `document.cookie` on the site's domain. */
  readonly cookies?: Lifetimes;
  /** Web Storage keys the tag writes on the site's origin. */
  readonly localStorage?: readonly string[];
  readonly sessionStorage?: readonly string[];
  /** The tag's characteristic request; the vendor's own (third-party) cookies come on its response. */
  readonly request?: {
    readonly kind: "beacon" | "pixel" | "frame";
    readonly url: string;
    /** The Domain of the cookies it sets; without it they are the host's only. */
    readonly domain?: string;
    readonly cookies?: Lifetimes;
    /** localStorage keys a frame writes on its own origin. */
    readonly localStorage?: readonly string[];
  };
  /** Cookies the vendor's servers add to the site's own pages: it hosts or fronts the site. */
  readonly siteCookies?: Lifetimes;
}

/** Vendor id of the knowledge base → its stand-in, for the vendors page. */
export const KNOWN_VENDOR_STANDINS: Readonly<Record<string, KnownVendorStandIn>> = {
  "google-analytics": {
    category: "analytics",
    // GA4 and Universal Analytics ids, and a second pair renamed with gtag's cookie_prefix "shop".
    tag: "https://www.google-analytics.com/analytics.js",
    cookies: {
      _ga: "2 years",
      _ga_ABC123: "2 years",
      _gid: "24 hours",
      _gat_gtag_UA_123_1: "1 minute",
      shop_ga: "2 years",
      shop_ga_ABC123: "2 years",
    },
    request: { kind: "beacon", url: "https://region1.google-analytics.com/g/collect?v=2&tid=G-ABC123" },
  },
  "google-tag-manager": {
    category: "analytics",
    tag: "https://www.googletagmanager.com/gtm.js?id=GTM-ABC123",
    cookies: { "_dc_gtm_UA-123-1": "1 minute" },
  },
  "google-ads": {
    category: "advertising",
    // _gcl_aw, _gcl_dc and _gcl_gs follow an ad click (gclid, dclid, gbraid in the landing URL).
    tag: "https://www.googleadservices.com/pagead/conversion_async.js",
    cookies: { _gcl_au: "90 days", _gcl_aw: "90 days", _gcl_dc: "90 days", _gcl_gs: "90 days" },
    request: {
      kind: "pixel",
      url: "https://googleads.g.doubleclick.net/pagead/1p-user-list/123/?random=1",
      domain: ".doubleclick.net",
      cookies: { IDE: "13 months", test_cookie: "15 minutes", DSID: "2 weeks", ar_debug: "90 days" },
    },
  },
  "meta-pixel": {
    category: "advertising",
    tag: "https://connect.facebook.net/signals/config/123",
    cookies: { _fbp: "90 days", _fbc: "90 days" },
    request: {
      kind: "pixel",
      url: "https://www.facebook.com/privacy_sandbox/pixel/register/trigger/?id=123",
      domain: ".facebook.com",
      cookies: { fr: "90 days", datr: "2 years", sb: "2 years" },
    },
  },
  instagram: {
    category: "social",
    tag: "https://www.instagram.com/embed.js",
    request: {
      kind: "frame",
      url: "https://www.instagram.com/p/C0ffee/embed/",
      domain: ".instagram.com",
      cookies: { csrftoken: "1 year", mid: "2 years", ig_did: "2 years" },
    },
  },
  "tiktok-pixel": {
    category: "advertising",
    tag: "https://analytics.tiktok.com/i18n/pixel/static/main.js",
    cookies: { _ttp: "13 months", _tt_enable_cookie: "13 months" },
    request: {
      kind: "beacon",
      url: "https://analytics.tiktok.com/api/v2/performance_interaction",
      domain: ".tiktok.com",
      cookies: { ttwid: "1 year" },
    },
  },
  "linkedin-insight": {
    category: "advertising",
    tag: "https://snap.licdn.com/li.lms-analytics/insight.beta.min.js",
    cookies: { li_fat_id: "30 days", li_sugr: "90 days" },
    request: {
      kind: "pixel",
      url: "https://px.ads.linkedin.com/wa/",
      domain: ".linkedin.com",
      cookies: {
        bcookie: "1 year",
        lidc: "24 hours",
        UserMatchHistory: "30 days",
        AnalyticsSyncHistory: "30 days",
      },
    },
  },
  "pinterest-tag": {
    category: "advertising",
    tag: "https://s.pinimg.com/ct/core.js",
    cookies: { _pin_unauth: "1 year", _pinterest_ct_ua: "1 year", _epik: "1 year", _derived_epik: "1 year" },
    request: { kind: "pixel", url: "https://ct.pinterest.com/v3/?event=init&tid=2612345678901" },
  },
  "microsoft-clarity": {
    category: "analytics",
    tag: "https://www.clarity.ms/tag/xyz789",
    cookies: { _clck: "1 year", _clsk: "1 day" },
    request: {
      kind: "pixel",
      url: "https://c.clarity.ms/c.gif",
      domain: ".clarity.ms",
      cookies: { CLID: "1 year", MUID: "1 year" },
    },
  },
  "microsoft-advertising": {
    category: "advertising",
    tag: "https://bat.bing.com/bat.js",
    cookies: { _uetsid: "1 day", _uetvid: "13 months", _uetmsclkid: "90 days" },
    request: {
      kind: "pixel",
      url: "https://bat.bing.com/actionp/0?ti=123&evt=pageLoad",
      domain: ".bing.com",
      cookies: { MUID: "13 months" },
    },
  },
  hotjar: {
    category: "analytics",
    tag: "https://static.hotjar.com/c/hotjar-654321.js",
    cookies: {
      _hjSessionUser_654321: "1 year",
      _hjSession_654321: "30 minutes",
      _hjHasCachedUserAttributes: "session",
      _hjIncludedInSessionSample: "30 minutes",
      _hjIncludedInSessionSample_654321: "30 minutes",
      _hjTLDTest: "session",
      _hjAbsoluteSessionInProgress: "30 minutes",
    },
    localStorage: ["_hjLocalStorageTest"],
    sessionStorage: ["_hjSessionStorageTest"],
    request: { kind: "beacon", url: "https://metrics.hotjar.io/" },
  },
  matomo: {
    category: "analytics",
    // On Matomo Cloud (a self-hosted Matomo is on the site's own host, which no knowledge base knows).
    tag: "https://cdn.matomo.cloud/shop.matomo.cloud/matomo.js",
    cookies: { "_pk_id.1.1fff": "13 months", "_pk_ses.1.1fff": "30 minutes" },
    request: { kind: "beacon", url: "https://shop.matomo.cloud/matomo.php?idsite=1&rec=1" },
  },
  youtube: {
    category: "social",
    tag: "https://www.youtube.com/iframe_api",
    request: {
      kind: "frame",
      url: "https://www.youtube.com/embed/M7lc1UVf-VE",
      domain: ".youtube.com",
      cookies: {
        VISITOR_INFO1_LIVE: "6 months",
        YSC: "session",
        VISITOR_PRIVACY_METADATA: "6 months",
        PREF: "8 months",
      },
      localStorage: ["yt-remote-device-id", "ytidb::LAST_RESULT_ENTRY_KEY"],
    },
  },
  vimeo: {
    category: "social",
    tag: "https://player.vimeo.com/api/player.js",
    request: {
      kind: "frame",
      url: "https://player.vimeo.com/video/76979871",
      domain: ".vimeo.com",
      cookies: { vuid: "2 years", __cf_bm: "30 minutes" },
    },
  },
  criteo: {
    category: "advertising",
    tag: "https://static.criteo.net/js/ld/ld.js",
    cookies: { cto_bundle: "13 months", cto_bidid: "13 months" },
    request: {
      kind: "pixel",
      url: "https://gum.criteo.com/sync?c=1",
      domain: ".criteo.com",
      cookies: { uid: "13 months" },
    },
  },
  hubspot: {
    category: "analytics",
    tag: "https://js.hs-scripts.com/123456.js",
    cookies: { hubspotutk: "6 months", __hstc: "6 months", __hssc: "30 minutes", __hssrc: "session" },
    request: { kind: "pixel", url: "https://track.hubspot.com/__ptq.gif?k=1" },
  },
  shopify: {
    category: "any-decision",
    // The shop runs on Shopify: the storefront's cookies come with the site's own pages.
    tag: "https://cdn.shopify.com/s/files/1/0001/t/1/assets/theme.js",
    siteCookies: {
      cart: "2 weeks",
      cart_sig: "2 weeks",
      _secure_session_id: "24 hours",
      secure_customer_sig: "1 year",
      _tracking_consent: "1 year",
    },
  },
  "shopify-analytics": {
    category: "analytics",
    // Served from the storefront's CDN, a host the knowledge base gives to Shopify (necessary).
    tag: "https://cdn.shopify.com/shopifycloud/trekkie-storefront/trekkie.storefront.min.js",
    cookies: {
      _shopify_y: "1 year",
      _shopify_s: "30 minutes",
      _shopify_sa_p: "30 minutes",
      _shopify_sa_t: "30 minutes",
    },
    request: { kind: "beacon", url: "https://monorail-edge.shopifysvc.com/v1/produce" },
  },
  stripe: {
    category: "any-decision",
    tag: "https://js.stripe.com/v3/",
    cookies: { __stripe_mid: "1 year", __stripe_sid: "30 minutes" },
    request: {
      kind: "beacon",
      url: "https://m.stripe.com/6",
      domain: "m.stripe.com",
      cookies: { m: "2 years" },
    },
  },
  cloudflare: {
    category: "any-decision",
    // The site sits behind Cloudflare: the edge's cookies come with the site's own pages.
    tag: "https://challenges.cloudflare.com/turnstile/v0/api.js",
    siteCookies: { __cf_bm: "30 minutes", cf_clearance: "1 year", _cfuvid: "session", __cflb: "24 hours" },
  },
};
