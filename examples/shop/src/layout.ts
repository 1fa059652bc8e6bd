/**
 * The page frame every shop page shares: head with Macaron and the gated third-party tags,
 * header (collections, search, account, cart), footer with "Manage cookies" and the policies.
 */

import { COLLECTIONS } from "./catalogue.ts";
import { ANALYTICS_COOKIE_SECONDS } from "./demo-config.ts";
import { html, type SafeHtml } from "./html.ts";
import type { Session } from "./sessions.ts";
import { SHOP_TEXTS, type ShopLanguage } from "./shop-texts.ts";
import { thirdPartyOrigin } from "./third-party-hosts.ts";

/** The demo's measurement and pixel ids (fictional). */
export const ANALYTICS_ID = "G-LPP2024";
export const PIXEL_ID = "1234567890";

export interface PageContext {
  readonly language: ShopLanguage;
  /** host:port the visitor used, to address the stand-ins on the same port. */
  readonly host: string;
  readonly session: Session | undefined;
  /** Macaron's tags for the head: its configuration and the SDK. */
  readonly macaronHead: SafeHtml;
  readonly path: string;
}

/** A shop URL in the visitor's language (French is the default and carries no parameter). */
export function href(path: string, language: ShopLanguage, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params);
  if (language !== "fr") query.set("lang", language);
  const search = query.toString();
  return search ? `${path}${path.includes("?") ? "&" : "?"}${search}` : path;
}

export function page(context: PageContext, title: string, main: SafeHtml, extraBody?: SafeHtml): string {
  const { language, host, session } = context;
  const t = SHOP_TEXTS[language];
  const cartCount = session?.cart.reduce((sum, line) => sum + line.quantity, 0) ?? 0;
  const otherLanguage: ShopLanguage = language === "fr" ? "en" : "fr";
  return html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Les Petits Prödiges</title>
<link rel="stylesheet" href="/shop.css">
${context.macaronHead}
<script type="text/plain" data-category="analytics">window.dataLayer=window.dataLayer||[];window.gtag=function(){dataLayer.push(arguments)};gtag("js",new Date());gtag("config","${ANALYTICS_ID}",{cookie_expires:${ANALYTICS_COOKIE_SECONDS}});</script>
<script type="text/plain" data-category="analytics" src="${thirdPartyOrigin("analytics", host)}/gtag/js?id=${ANALYTICS_ID}"></script>
<script type="text/plain" data-category="advertising" src="${thirdPartyOrigin("ads", host)}/pagead/conversion_async.js"></script>
<script type="text/plain" data-category="social" src="${thirdPartyOrigin("pixel", host)}/en_US/fbevents.js?id=${PIXEL_ID}"></script>
</head>
<body>
<a class="skip" href="#main">${language === "fr" ? "Aller au contenu" : "Skip to content"}</a>
<header class="site-header">
  <a class="brand" href="${href("/", language)}">Les Petits Prödiges<span>${t.tagline}</span></a>
  <nav aria-label="${t.catalogue}">
    <ul>
      ${COLLECTIONS.map((collection) => html`<li><a href="${href("/", language, { collection })}">${t.collections[collection]}</a></li>`)}
    </ul>
  </nav>
  <form class="search" role="search" action="/search" method="get">
    <label for="q" class="visually-hidden">${t.searchLabel}</label>
    <input id="q" name="q" type="search" placeholder="${t.searchLabel}">
    ${language === "fr" ? "" : html`<input type="hidden" name="lang" value="${language}">`}
    <button type="submit">${t.search}</button>
  </form>
  <nav class="account" aria-label="${t.account}">
    ${
      session?.account
        ? html`<span>${t.welcome(session.account.name)}</span>`
        : html`<a href="${href("/login", language)}">${t.signIn}</a>`
    }
    <a href="${href("/cart", language)}">${t.cart} (<span data-cart-count>${cartCount}</span>)</a>
    <a href="${href(context.path, otherLanguage)}" lang="${otherLanguage}" hreflang="${otherLanguage}">${t.language}</a>
  </nav>
</header>
<main id="main">
${main}
</main>
<footer class="site-footer">
  <button type="button" class="link" data-macaron-open>${t.manageCookies}</button>
  <a href="/cookie-policy?lang=${language}">${t.cookiePolicy}</a>
  <a href="${href("/privacy-policy", language)}">${t.privacyPolicy}</a>
  <a href="/admin">${t.admin}</a>
</footer>
${extraBody}
</body>
</html>
`.value;
}
