/** What every page handler needs to know about the request: language, host, session, Macaron. */
import type { FastifyRequest } from "fastify";
import type { SafeHtml } from "./html.ts";
import type { PageContext } from "./layout.ts";
import type { SessionStore } from "./sessions.ts";
import { isShopLanguage, type ShopLanguage } from "./shop-texts.ts";

export interface ShopOptions {
  /** Macaron's head tags for a language: the inline configuration and the SDK script. */
  readonly macaronHead: (language: ShopLanguage) => SafeHtml;
  /** Lifetime of the presentation-choice cookie, as declared in the configuration. */
  readonly viewRetentionSeconds: number;
}

/** `?lang=` first, then the browser's preference, then French (the shop's own language). */
export function languageOf(request: FastifyRequest): ShopLanguage {
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  if (isShopLanguage(asked)) return asked;
  const accepted = request.headers["accept-language"] ?? "";
  const first = /^\s*([a-z]{2})/i.exec(accepted)?.[1]?.toLowerCase();
  return first === "en" ? "en" : "fr";
}

export function pageContext(
  request: FastifyRequest,
  sessions: SessionStore,
  options: ShopOptions,
): PageContext {
  const language = languageOf(request);
  return {
    language,
    host: request.host,
    session: sessions.find(request),
    macaronHead: options.macaronHead(language),
    path: request.url.split("?")[0] ?? "/",
  };
}
