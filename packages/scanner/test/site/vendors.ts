/**
 * Stand-ins for vendors, written by us: they reproduce what a scanner can observe of each vendor
 * (cookie names and lifetimes, the requests it sends), under the vendor's real host name. No vendor code.
 * The hand-written ones at the end serve the violation and capture pages as those sites have them (some
 * lifetimes off the vendor's on purpose); the routes of `KNOWN_VENDOR_STANDINS`, one per vendor of the
 * built-in knowledge base, are made here, on paths of their own so those pages stay as they were.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { approximateSeconds, parseDuration } from "@macaron/core";
import { KNOWN_VENDOR_STANDINS, type KnownVendorStandIn, type Lifetimes } from "./known-vendors.ts";

const GIF = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

type Handler = (request: IncomingMessage, response: ServerResponse, url: URL) => void;

function script(body: string): Handler {
  return (_request, response) => {
    response.writeHead(200, { "content-type": "text/javascript" });
    response.end(body);
  };
}

function cookieHeader(setCookies: readonly string[]): Record<string, string[]> {
  return setCookies.length > 0 ? { "set-cookie": [...setCookies] } : {};
}

function pixel(...setCookies: string[]): Handler {
  return (_request, response) => {
    response.writeHead(200, { "content-type": "image/gif", ...cookieHeader(setCookies) });
    response.end(GIF);
  };
}

function empty(...setCookies: string[]): Handler {
  return (_request, response) => {
    response.writeHead(204, cookieHeader(setCookies));
    response.end();
  };
}

/** An embedded player's document, writing its own origin's localStorage. */
function frame(localStorageKeys: readonly string[], setCookies: readonly string[]): Handler {
  const writes = localStorageKeys.map((key) => `localStorage.setItem(${JSON.stringify(key)}, "1");`);
  return (_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", ...cookieHeader(setCookies) });
    response.end(`<!doctype html><html><head><meta charset="utf-8"><title>player</title></head>
<body><script>${writes.join(" ")}</script>player</body></html>`);
  };
}

// The first-party cookie domain a tag writes on: the site's registrable domain (shop.test).
const SITE_DOMAIN = "location.hostname.split('.').slice(-2).join('.')";

/** `; max-age=…` for a lifetime as a policy states it, months and years at their mean length; none for a session. */
function maxAge(lifetime: string): string {
  const duration = parseDuration(lifetime);
  if (duration === undefined) throw new Error(`not a lifetime: ${lifetime}`);
  return duration === "session" ? "" : `; max-age=${Math.round(approximateSeconds(duration))}`;
}

function setCookieLines(cookies: Lifetimes, attributes: string): string[] {
  return Object.entries(cookies).map(([name, lifetime]) => `${name}=1${maxAge(lifetime)}${attributes}`);
}

/** The Set-Cookie lines of the site's own pages, for the vendors that host or front it. */
export function knownVendorSiteCookies(): string[] {
  return Object.values(KNOWN_VENDOR_STANDINS).flatMap(({ siteCookies }) =>
    setCookieLines(siteCookies ?? {}, "; Path=/; Secure; HttpOnly; SameSite=Lax"),
  );
}

function tagScript(standIn: KnownVendorStandIn): string {
  const request = standIn.request;
  const lines = [
    ...setCookieLines(standIn.cookies ?? {}, "").map((line) => `document.cookie = "${line}" + attributes;`),
    ...(standIn.localStorage ?? []).map((key) => `localStorage.setItem(${JSON.stringify(key)}, "1");`),
    ...(standIn.sessionStorage ?? []).map((key) => `sessionStorage.setItem(${JSON.stringify(key)}, "1");`),
  ];
  if (request?.kind === "beacon") lines.push(`navigator.sendBeacon(${JSON.stringify(request.url)}, "");`);
  if (request?.kind === "pixel") lines.push(`new Image().src = ${JSON.stringify(request.url)};`);
  if (request?.kind === "frame") {
    lines.push(`var frame = document.createElement("iframe");`);
    lines.push(`frame.title = "player"; frame.src = ${JSON.stringify(request.url)};`);
    lines.push("document.body.appendChild(frame);");
  }
  return `(function () {
  var attributes = "; path=/; domain=" + ${SITE_DOMAIN};
  ${lines.join("\n  ")}
})();`;
}

function requestHandler(request: NonNullable<KnownVendorStandIn["request"]>): Handler {
  const cookies = setCookieLines(
    request.cookies ?? {},
    `${request.domain ? `; Domain=${request.domain}` : ""}; Path=/; Secure; SameSite=None`,
  );
  if (request.kind === "pixel") return pixel(...cookies);
  if (request.kind === "frame") return frame(request.localStorage ?? [], cookies);
  return empty(...cookies);
}

/** Adds every known vendor's routes; one sharing a path prefix with a hand-written stand-in is refused. */
function withKnownVendorRoutes(
  routes: Record<string, Record<string, Handler>>,
): Record<string, Record<string, Handler>> {
  const add = (url: string, handler: Handler) => {
    const { hostname, pathname } = new URL(url);
    routes[hostname] ??= {};
    const paths = routes[hostname];
    const shared = Object.keys(paths).find((path) => path.startsWith(pathname) || pathname.startsWith(path));
    if (shared !== undefined) throw new Error(`${url} would be served by the route ${hostname}${shared}`);
    paths[pathname] = handler;
  };
  for (const standIn of Object.values(KNOWN_VENDOR_STANDINS)) {
    add(standIn.tag, script(tagScript(standIn)));
    if (standIn.request) add(standIn.request.url, requestHandler(standIn.request));
  }
  return routes;
}

/** Host → path prefix → handler. */
export const VENDORS: Record<string, Record<string, Handler>> = withKnownVendorRoutes({
  "www.googletagmanager.com": {
    // gtag.js: _ga and _ga_<id> on the site's domain (prefix and lifetime as configured), then a hit.
    "/gtag/js": script(`(function () {
  var src = new URL(document.currentScript.src);
  var prefix = src.searchParams.get("prefix");
  var name = prefix ? prefix + "_ga" : "_ga";
  var id = (src.searchParams.get("id") || "G-TEST").replace("G-", "");
  var age = src.searchParams.get("maxage") || "33696000";
  var attributes = "; max-age=" + age + "; path=/; domain=" + ${SITE_DOMAIN};
  document.cookie = name + "=GA1.1.1234567890.1700000000" + attributes;
  document.cookie = name + "_" + id + "=GS1.1.1700000000.1.0" + attributes;
  navigator.sendBeacon("https://www.google-analytics.com/g/collect?v=2&tid=G-" + id, "");
})();`),
  },
  "www.google-analytics.com": { "/g/collect": empty() },
  "googleads.g.doubleclick.net": {
    "/pagead/viewthroughconversion": pixel(
      "IDE=AHWqTUm; Max-Age=34186000; Domain=.doubleclick.net; Path=/; Secure; HttpOnly; SameSite=None",
    ),
  },
  "connect.facebook.net": {
    "/en_US/fbevents.js": script(`(function () {
  document.cookie = "_fbp=fb.1.1700000000.123456; max-age=7776000; path=/; domain=" + ${SITE_DOMAIN};
  new Image().src = "https://www.facebook.com/tr?id=123&ev=PageView&noscript=1";
})();`),
  },
  "www.facebook.com": { "/tr": pixel() },
  "analytics.tiktok.com": {
    "/i18n/pixel/events.js": script(`(function () {
  document.cookie = "_ttp=2abcDEF; max-age=34186000; path=/; domain=" + ${SITE_DOMAIN};
  navigator.sendBeacon("https://analytics.tiktok.com/api/v2/pixel", "{}");
})();`),
    "/api/v2/pixel": empty(),
  },
  "static.hotjar.com": {
    "/c/hotjar-123456.js": script(`(function () {
  var attributes = "; path=/; domain=" + ${SITE_DOMAIN};
  document.cookie = "_hjSessionUser_123456=eyJpZCI6IjEifQ; max-age=31536000" + attributes;
  document.cookie = "_hjSession_123456=eyJzaWQiOiIxIn0; max-age=1800" + attributes;
})();`),
  },
  "www.clarity.ms": {
    "/tag/abc123": script(`(function () {
  var attributes = "; path=/; domain=" + ${SITE_DOMAIN};
  document.cookie = "_clck=1abc; max-age=31536000" + attributes;
  document.cookie = "_clsk=1def; max-age=86400" + attributes;
})();`),
  },
  "snap.licdn.com": {
    "/li.lms-analytics/insight.min.js": script(`(function () {
  document.cookie = "li_fat_id=abc-123; max-age=7776000; path=/; domain=" + ${SITE_DOMAIN};
  new Image().src = "https://px.ads.linkedin.com/collect/?pid=123&fmt=gif";
})();`),
  },
  "px.ads.linkedin.com": { "/collect": pixel() },
  "static.criteo.net": {
    "/js/ld/publishertag.js": script(`(function () {
  document.cookie = "cto_bundle=XyZ; max-age=63072000; path=/; domain=" + ${SITE_DOMAIN};
})();`),
  },
  "bat.bing.com": { "/action/0": empty() },
});
