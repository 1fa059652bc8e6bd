// Runs before the SDK in a preview frame: the consent cookie lives in memory only (trying the
// buttons must not change the admin's own consent on this host) and no proof leaves the page.
(() => {
  const view = document.currentScript?.getAttribute("data-view") || "banner";
  const jar = new Map();
  Object.defineProperty(document, "cookie", {
    configurable: true,
    get: () => [...jar].map(([name, value]) => `${name}=${value}`).join("; "),
    set: (text) => {
      const [pair = "", ...attributes] = String(text).split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const expired = attributes.some((attribute) => {
        const [key = "", value = ""] = attribute.trim().split("=");
        return (
          (key.toLowerCase() === "max-age" && Number(value) <= 0) ||
          (key.toLowerCase() === "expires" && Date.parse(value) < Date.now())
        );
      });
      if (index < 1) return;
      if (expired) jar.delete(name);
      else jar.set(name, pair.slice(index + 1).trim());
    },
  });
  navigator.sendBeacon = () => true;
  window.addEventListener("DOMContentLoaded", () => {
    const sdk = window.Macaron;
    if (!sdk) return;
    if (view === "dialog") sdk.showPreferences();
    else sdk.show();
  });
})();
