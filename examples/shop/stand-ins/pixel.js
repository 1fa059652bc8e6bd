/*
 * Stand-in for Meta Pixel's fbevents.js, written for the demo (no Meta code): it sets the
 * first-party `_fbp` cookie for 90 days and reports a PageView with an image request to /tr on
 * its own host, as the real pixel does.
 */
(() => {
  const source = new URL(document.currentScript.src);
  const NINETY_DAYS = 90 * 24 * 3600;
  let browserId = document.cookie.match(/(?:^|; )_fbp=([^;]*)/)?.[1];
  if (!browserId) {
    browserId = `fb.1.${Date.now()}.${Math.floor(Math.random() * 1e10)}`;
    document.cookie = `_fbp=${browserId}; max-age=${NINETY_DAYS}; path=/; samesite=lax`;
  }
  const params = new URLSearchParams({
    id: source.searchParams.get("id") || "0",
    ev: "PageView",
    fbp: browserId,
  });
  new Image(1, 1).src = `${source.origin}/tr?${params}`;
})();
