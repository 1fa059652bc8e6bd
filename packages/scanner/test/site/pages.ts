/**
 * The labelled test site's pages, on the first party `www.shop.test`. Each page plants one
 * violation or capture case; its ground truth is `ground-truth/<page>.json`. The vendors page has
 * none: its truth is the knowledge base, which the tests read.
 */
import { KNOWN_VENDOR_STANDINS } from "./known-vendors.ts";
import { knownVendorSiteCookies } from "./vendors.ts";

interface PageParts {
  readonly head?: string;
  readonly body?: string;
  readonly consentMaxAge?: number;
  readonly cleanup?: Record<string, string[]>;
  readonly banner?: boolean;
}

const BANNER = `<div id="banner" role="dialog" aria-label="Cookies">
  <p>Nous utilisons des cookies.</p>
  <button type="button" onclick="Macaron.rejectAll()">Tout refuser</button>
  <button type="button" onclick="Macaron.acceptAll()">Tout accepter</button>
</div>`;

export function gated(category: string, src: string): string {
  return `<script type="text/plain" data-category="${category}" data-src="${src}"></script>`;
}

export function page(title: string, parts: PageParts = {}): string {
  const sdk =
    parts.banner === false
      ? ""
      : `<script src="/macaron-standin.js" data-consent-max-age="${parts.consentMaxAge ?? 15552000}" data-cleanup='${JSON.stringify(parts.cleanup ?? {})}'></script>`;
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${title}</title>${sdk}${parts.head ?? ""}</head>
<body>
<h1>${title}</h1>
${parts.banner === false ? "" : BANNER}
${parts.body ?? ""}
<footer><a href="#" data-macaron-open>Gérer les cookies</a></footer>
</body></html>`;
}

const GA = "https://www.googletagmanager.com/gtag/js?id=G-ABC123";

/** Path → HTML (and the headers of the page's own response). */
export const PAGES: Record<string, { html: string; setCookie?: string[] }> = {
  "/compliant": {
    setCookie: ["sid=s3ss10n; Path=/; HttpOnly; Secure; SameSite=Lax"],
    html: page("Compliant", {
      head: gated("analytics", GA),
      cleanup: { analytics: ["_ga", "_ga_ABC123"] },
    }),
  },
  "/before-consent": {
    html: page("Before consent", {
      head: `<script>if (!/macaron_consent=/.test(document.cookie)) {
  var s = document.createElement("script"); s.src = "https://connect.facebook.net/en_US/fbevents.js"; document.head.appendChild(s);
}</script>`,
      body: `<script>if (!/macaron_consent=/.test(document.cookie)) document.write('<img alt="" src="https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123/?random=1">');</script>`,
      cleanup: { advertising: ["_fbp"] },
    }),
  },
  "/after-refusal": {
    html: page("After refusal", {
      head: gated("any-decision", "https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=ABC"),
      cleanup: { advertising: ["_ttp"] },
    }),
  },
  "/after-withdrawal": {
    html: page("After withdrawal", {
      head: gated("analytics", "https://static.hotjar.com/c/hotjar-123456.js?sv=6"),
      // The site forgot _hjSessionUser_123456.
      cleanup: { analytics: ["_hjSession_123456"] },
    }),
  },
  "/undeclared": {
    html: page("Undeclared", {
      head: gated("analytics", "https://www.clarity.ms/tag/abc123"),
      cleanup: { analytics: ["_clck", "_clsk"] },
    }),
  },
  "/declared-not-seen": { html: page("Declared, never seen") },
  "/lifetime-declared": {
    html: page("Lifetime over the declared one", {
      head: gated("advertising", "https://snap.licdn.com/li.lms-analytics/insight.min.js"),
      cleanup: { advertising: ["li_fat_id"] },
    }),
  },
  "/lifetime-13-months": {
    html: page("Lifetime over 13 months", {
      head: gated("advertising", "https://static.criteo.net/js/ld/publishertag.js"),
      cleanup: { advertising: ["cto_bundle"] },
    }),
  },
  "/tracker-necessary": {
    html: page("Tracker declared necessary", { head: `<script src="${GA}"></script>` }),
  },
  "/consent-cookie": {
    // 1 year: longer than the 6 months of consent validity, within 13 months.
    html: page("Consent cookie lifetime", { consentMaxAge: 31536000 }),
  },
  "/not-reached": { html: page("No banner", { banner: false }) },
  "/capture": {
    setCookie: [
      "sid=s3ss10n; Path=/; HttpOnly; Secure; SameSite=Lax",
      // The browser must refuse it: www.shop.test cannot set a cookie for google.com.
      "refused_cookie=1; Domain=google.com; Path=/; Max-Age=3600",
    ],
    html: page("Capture cases", {
      head: `<script src="/js/delayed.js"></script><script src="/js/on-scroll.js"></script>
<script src="/js/cookie-store.js"></script><script src="/js/unknown.js"></script><script src="/js/beacon.js"></script>
<script src="/js/idb.js"></script><script src="${GA}&prefix=shop"></script>`,
      body: `<iframe title="widget" src="https://widget.other-site.test/frame"></iframe><div style="height:3000px"></div><p>end</p>`,
    }),
  },
  "/vendors": {
    setCookie: knownVendorSiteCookies(),
    html: page("Every known vendor", {
      // Each tag waits for its category's consent, which this site also takes from a scroll (CNIL
      // 2020-091 art. 2: continuing to browse is not consent): the none state, where the scanner
      // only scrolls, loads them too.
      head: `${Object.values(KNOWN_VENDOR_STANDINS)
        .map(({ category, tag }) => gated(category, tag))
        .join("\n")}
<script>addEventListener("scroll", function () { if (!Macaron.get()) Macaron.acceptAll(); }, { once: true });</script>`,
      body: `<div style="height:3000px"></div><p>end</p>`,
    }),
  },
  "/other-banner": {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another CMP</title>
<script>
function choose(granted) {
  document.cookie = "othercmp=" + (granted ? "yes" : "no") + "; max-age=15552000; path=/";
  document.getElementById("cmp").hidden = true;
}
if (/othercmp=/.test(document.cookie)) addEventListener("DOMContentLoaded", function () { document.getElementById("cmp").hidden = true; });
</script></head><body>
<div id="cmp"><button onclick="choose(false)">Continuer sans accepter</button><button onclick="choose(true)">Accept all</button></div>
<button onclick="document.getElementById('cmp').hidden = false">Cookie settings</button>
</body></html>`,
  },
};

/** The first party's own scripts for the capture cases. */
export const FIRST_PARTY_SCRIPTS: Record<string, string> = {
  "/js/delayed.js": `setTimeout(function () { document.cookie = "delayed_pref=1; max-age=3600; path=/"; }, 300);`,
  "/js/on-scroll.js": `addEventListener("scroll", function once() {
  removeEventListener("scroll", once);
  document.cookie = "scrolled=1; max-age=7200; path=/";
});`,
  "/js/cookie-store.js": `cookieStore.set({ name: "cs_pref", value: "1", expires: Date.now() + 86400000, path: "/" });`,
  "/js/unknown.js": `document.cookie = "x7f3k9q=zz; max-age=86400; path=/";`,
  "/js/beacon.js": `navigator.sendBeacon("https://bat.bing.com/action/0?ti=123&evt=pageLoad", "");`,
  "/js/idb.js": `indexedDB.open("shop-cache", 1);`,
};

export const WIDGET_FRAME = `<!doctype html><html><head><meta charset="utf-8"><title>widget</title></head><body>
<script>localStorage.setItem("widget_state", "1"); sessionStorage.setItem("widget_tab", "2");</script>widget</body></html>`;
