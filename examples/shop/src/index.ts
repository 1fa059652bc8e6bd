/** The demo shop: a storefront that uses all of Macaron. */
export { html, raw, SafeHtml } from "./html.ts";
export type { ShopOptions } from "./request-context.ts";
export { DEMO_ACCOUNT } from "./sessions.ts";
export { shopPlugin } from "./shop-plugin.ts";
export { SHOP_LANGUAGES, type ShopLanguage } from "./shop-texts.ts";
export { THIRD_PARTY_HOSTS } from "./third-party-hosts.ts";
