/**
 * `GET /cookie-policy?lang=fr|en`: the site's cookie policy page, rendered by @macaron/policy in
 * the language asked for, else the browser's, else the configuration's default. The page loads
 * the SDK so its withdrawal link opens the preferences; its own strict CSP allows only this
 * server's scripts and the page's nonced inline style and script.
 */
import { randomBytes } from "node:crypto";
import type { MacaronConfig } from "@macaron/core";
import { policyLanguageFor, renderPolicy } from "@macaron/policy";
import type { FastifyInstance } from "fastify";

function contentSecurityPolicy(nonce: string, ledgerOrigin: string | undefined): string {
  const connect = ["'self'", ...(ledgerOrigin ? [ledgerOrigin] : [])].join(" ");
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join("; ");
}

export async function cookiePolicyRoute(
  app: FastifyInstance,
  options: { config: MacaronConfig },
): Promise<void> {
  const { config } = options;
  const endpoint = config.ledger.endpoint;
  const ledgerOrigin = endpoint?.startsWith("http") ? new URL(endpoint).origin : undefined;
  app.get<{ Querystring: { lang?: string | string[] } }>("/cookie-policy", async (request, reply) => {
    const language = policyLanguageFor(config, {
      query: request.query.lang ?? null,
      acceptLanguage: request.headers["accept-language"] ?? null,
    });
    const nonce = randomBytes(16).toString("base64");
    const page = renderPolicy(config, {
      language,
      format: "html",
      nonce,
      sdk: { src: "/macaron.js", config: "/v1/policy" },
    });
    return reply
      .type(page.contentType)
      .header("content-language", page.language)
      .header("vary", "Accept-Language")
      .header("cache-control", "no-cache")
      .header("content-security-policy", contentSecurityPolicy(nonce, ledgerOrigin))
      .send(page.body);
  });
}
