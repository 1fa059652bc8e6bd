/*
 * Stand-in for the Google Ads tag, written for the demo (no Google code): with ad_storage granted
 * it sets the first-party `_gcl_au` cookie for 90 days, as Google's conversion linker does. The
 * conversion ping itself is the gated pixel on the order confirmation page.
 */
(() => {
  window.dataLayer = window.dataLayer || [];
  const dataLayer = window.dataLayer;
  const NINETY_DAYS = 90 * 24 * 3600;
  const state = {};
  for (const entry of dataLayer) {
    if (entry && entry[0] === "consent" && entry[2]) Object.assign(state, entry[2]);
  }
  if (state.ad_storage === "granted" && !/(?:^|; )_gcl_au=/.test(document.cookie)) {
    const version = `1.1.${Math.floor(Math.random() * 1e9)}.${Math.floor(Date.now() / 1000)}`;
    document.cookie = `_gcl_au=${version}; max-age=${NINETY_DAYS}; path=/; samesite=lax`;
  }
})();
