/**
 * Stand-ins for vendors, written by us: they reproduce what a scanner can observe of each vendor
 * (cookie names and lifetimes, the requests it sends), under the vendor's real host name. No vendor code.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

const GIF = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

type Handler = (request: IncomingMessage, response: ServerResponse, url: URL) => void;

function script(body: string): Handler {
  return (_request, response) => {
    response.writeHead(200, { "content-type": "text/javascript" });
    response.end(body);
  };
}

function pixel(setCookie?: string): Handler {
  return (_request, response) => {
    response.writeHead(200, {
      "content-type": "image/gif",
      ...(setCookie ? { "set-cookie": setCookie } : {}),
    });
    response.end(GIF);
  };
}

function empty(): Handler {
  return (_request, response) => {
    response.writeHead(204);
    response.end();
  };
}

// The first-party cookie domain a tag writes on: the site's registrable domain (shop.test).
const SITE_DOMAIN = "location.hostname.split('.').slice(-2).join('.')";

/** Host → path prefix → handler. */
export const VENDORS: Record<string, Record<string, Handler>> = {
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
};
