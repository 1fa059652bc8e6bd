/**
 * A stand-in for Macaron's browser SDK with the API the scanner drives (`acceptAll`, `rejectAll`,
 * `showPreferences`, `[data-macaron-open]`): it stores the decision in `macaron_consent`, loads the
 * page's `<script type="text/plain" data-category>` once granted, and on withdrawal deletes the
 * cookies the page lists for the refused categories (so a page can "forget" one, as a buggy site does).
 */
export const STANDIN_SDK = `(function () {
  var me = document.currentScript;
  var maxAge = me.dataset.consentMaxAge || "15552000";
  var cleanup = JSON.parse(me.dataset.cleanup || "{}");
  var categories = ["analytics", "advertising", "social"];
  function read() {
    var match = document.cookie.match(/(?:^|; )macaron_consent=([^;]*)/);
    if (!match) return null;
    var choice = {};
    decodeURIComponent(match[1]).split("|").forEach(function (pair) {
      var parts = pair.split(":");
      choice[parts[0]] = parts[1] === "1";
    });
    return choice;
  }
  function apply(choice) {
    document.querySelectorAll('script[type="text/plain"][data-category]').forEach(function (tag) {
      var category = tag.dataset.category;
      if (tag.dataset.loaded || !(category === "any-decision" || choice[category])) return;
      tag.dataset.loaded = "1";
      var loaded = document.createElement("script");
      loaded.src = tag.dataset.src;
      document.head.appendChild(loaded);
    });
  }
  function hideBanner() {
    var banner = document.getElementById("banner");
    if (banner) banner.hidden = true;
  }
  function save(choice) {
    var before = read();
    var value = categories.map(function (id) { return id + ":" + (choice[id] ? 1 : 0); }).join("|");
    document.cookie = "macaron_consent=" + encodeURIComponent(value) + "; max-age=" + maxAge + "; path=/; samesite=lax";
    if (before) categories.forEach(function (id) {
      if (!before[id] || choice[id]) return;
      (cleanup[id] || []).forEach(function (name) {
        var host = location.hostname;
        [host, host.split(".").slice(-2).join(".")].forEach(function (domain) {
          document.cookie = name + "=; max-age=0; path=/; domain=" + domain;
        });
        document.cookie = name + "=; max-age=0; path=/";
      });
    });
    hideBanner();
    apply(choice);
  }
  function all(granted) {
    var choice = {};
    categories.forEach(function (id) { choice[id] = granted; });
    return choice;
  }
  window.Macaron = {
    get: read,
    acceptAll: function () { save(all(true)); },
    rejectAll: function () { save(all(false)); },
    show: function () { var banner = document.getElementById("banner"); if (banner) banner.hidden = false; },
    showPreferences: function () { window.Macaron.show(); },
  };
  document.addEventListener("click", function (event) {
    var opener = event.target.closest && event.target.closest("[data-macaron-open]");
    if (!opener) return;
    event.preventDefault();
    window.Macaron.showPreferences();
  });
  document.addEventListener("DOMContentLoaded", function () {
    var choice = read();
    if (choice) { hideBanner(); apply(choice); }
  });
})();`;
