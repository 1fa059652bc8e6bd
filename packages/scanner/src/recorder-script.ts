/**
 * The script added to every frame before the page's own: it reports each `document.cookie` write,
 * `cookieStore.set` call and Web Storage write with the URL of the script that made it, read from
 * the call stack (Chromium names the script's URL in `Error().stack`; inline scripts give the page's).
 * It changes nothing the page sees: the original setters run unchanged.
 */
export const RECORDER_BINDING = "__macaronScanRecord";

export interface RecordedWrite {
  readonly kind: "cookie" | "cookieStore" | "localStorage" | "sessionStorage";
  /** The cookie string written, the `cookieStore.set` options as JSON, or the storage key. */
  readonly value: string;
  /** URL of the script that wrote (origin and path), "" when the stack names none. */
  readonly script: string;
  /** Origin of the frame written in. */
  readonly origin: string;
  /** Wall-clock time of the write, ms. */
  readonly at: number;
}

export const RECORDER_SCRIPT = `(() => {
  if (window.__macaronScanInstalled) return;
  window.__macaronScanInstalled = true;
  const binding = window.${RECORDER_BINDING};
  const scriptUrl = () => {
    const stack = String(new Error().stack || "");
    const found = stack.match(/https?:\\/\\/[^\\s()]+?(?=:\\d+:\\d+)/);
    return found ? found[0].split(/[?#]/)[0] : "";
  };
  const report = (kind, value) => {
    try {
      binding(JSON.stringify({ kind, value, script: scriptUrl(), origin: location.origin, at: Date.now() }));
    } catch (_) {}
  };
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
  if (cookie && cookie.set) {
    Object.defineProperty(Document.prototype, "cookie", {
      configurable: true,
      enumerable: cookie.enumerable,
      get: cookie.get,
      set(value) {
        report("cookie", String(value));
        return cookie.set.call(this, value);
      },
    });
  }
  if (typeof CookieStore !== "undefined" && CookieStore.prototype.set) {
    const set = CookieStore.prototype.set;
    CookieStore.prototype.set = function (first, second) {
      const options = typeof first === "string" ? { name: first, value: second } : first;
      report("cookieStore", JSON.stringify(options || {}));
      return set.apply(this, arguments);
    };
  }
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    let kind = "localStorage";
    try { if (this === window.sessionStorage) kind = "sessionStorage"; } catch (_) {}
    report(kind, String(key));
    return setItem.apply(this, arguments);
  };
})();`;
