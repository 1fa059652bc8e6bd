/*
 * Stand-in for Google Analytics 4's gtag.js, written for the demo (no Google code): it behaves as
 * GA4 does towards cookies and Consent Mode. With analytics_storage granted it sets `_ga` and
 * `_ga_<container>` for 2 years, or for the `cookie_expires` seconds of `gtag('config', id, …)`,
 * and sends hits carrying the client id; while it is denied it sets nothing and sends cookieless
 * pings only. A later consent update to denied sends nothing. Hits go to /g/collect on its host.
 */
(() => {
  const script = document.currentScript;
  const source = new URL(script.src);
  const measurementId = source.searchParams.get("id") || "G-DEMO";
  window.dataLayer = window.dataLayer || [];
  const dataLayer = window.dataLayer;
  const TWO_YEARS = 2 * 365 * 24 * 3600;

  function cookieLifetime() {
    const config = dataLayer.find((entry) => entry && entry[0] === "config" && entry[1] === measurementId);
    const asked = config?.[2]?.cookie_expires;
    return Number.isInteger(asked) && asked >= 0 ? asked : TWO_YEARS;
  }

  function consent() {
    const state = {};
    for (const entry of dataLayer) {
      if (entry && entry[0] === "consent" && entry[2]) Object.assign(state, entry[2]);
    }
    return state;
  }

  function readCookie(name) {
    const match = document.cookie.match(new RegExp(`(?:^|; )${name}=([^;]*)`));
    return match ? match[1] : undefined;
  }

  function clientId() {
    const existing = readCookie("_ga");
    if (existing) return existing.split(".").slice(2).join(".");
    return `${Math.floor(Math.random() * 1e9)}.${Math.floor(Date.now() / 1000)}`;
  }

  function send() {
    const params = new URLSearchParams({ v: "2", tid: measurementId, dl: location.href, en: "page_view" });
    if (consent().analytics_storage === "granted") {
      const id = clientId();
      const now = Math.floor(Date.now() / 1000);
      document.cookie = `_ga=GA1.1.${id}; max-age=${cookieLifetime()}; path=/; samesite=lax`;
      document.cookie = `_ga_${measurementId.replace(/^G-/, "")}=GS1.1.${now}.1.0.${now}.0; max-age=${cookieLifetime()}; path=/; samesite=lax`;
      params.set("cid", id);
      params.set("gcs", "G111");
    } else {
      params.set("gcs", "G100");
    }
    navigator.sendBeacon(`${source.origin}/g/collect?${params}`);
  }

  // A consent update pushed later (gtag('consent', 'update', …)) is honoured at once: a grant
  // sends the hit it held back, a refusal stops everything.
  const push = dataLayer.push.bind(dataLayer);
  dataLayer.push = (...entries) => {
    const result = push(...entries);
    const update = entries.some((entry) => entry && entry[0] === "consent" && entry[1] === "update");
    if (update && consent().analytics_storage === "granted") send();
    return result;
  };
  send();
})();
