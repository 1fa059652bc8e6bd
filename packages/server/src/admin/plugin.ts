/**
 * The admin dashboard as a Fastify plugin (buildServer registers it under `/admin`): server-rendered
 * pages, a small stylesheet, and three small scripts served as files, so every page runs under a
 * strict Content-Security-Policy (no inline script or style).
 */
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import rateLimit from "@fastify/rate-limit";
import type { MacaronConfig } from "@macaron/core";
import type { FastifyError, FastifyInstance, FastifyPluginAsync } from "fastify";
import type { LedgerStore } from "../store/ledger-store.ts";
import type { AdminContext } from "./admin-context.ts";
import { registerAssets } from "./assets.ts";
import { registerSignIn } from "./auth-routes.ts";
import { registerLedgerPages } from "./ledger-routes.ts";
import { registerPolicyPages } from "./policy-routes.ts";
import { ScanReports } from "./scan-reports.ts";
import { registerScanPages } from "./scan-routes.ts";
import { AdminSessions } from "./sessions.ts";

export interface AdminPluginOptions {
  readonly store: LedgerStore;
  readonly config: MacaronConfig;
  /** The SDK build for the live preview; default: @macaron/web's dist/macaron.js. */
  readonly sdkPath?: string;
  /** A directory of `macaron scan` reports: its JSON files, and the report.json of each sub-directory. */
  readonly scanReportsDir?: string;
  /** The clock (the overview's default period ends today). */
  readonly now?: () => Date;
}

export const ADMIN_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'";

function defaultSdkPath(): string {
  return fileURLToPath(new URL("../../../web/dist/macaron.js", import.meta.url));
}

export const adminPlugin: FastifyPluginAsync<AdminPluginOptions> = async (app: FastifyInstance, options) => {
  if (!app.hasRequestDecorator("cookies")) await app.register(cookie);
  if (!app.hasContentTypeParser("application/x-www-form-urlencoded")) await app.register(formbody);
  // Only the routes that ask for it (signing in) are limited; registered before them.
  await app.register(rateLimit, { global: false });
  const base = app.prefix;
  const context: AdminContext = {
    base,
    store: options.store,
    config: options.config,
    sessions: new AdminSessions(),
    assets: await registerAssets(app, base),
    sdkPath: options.sdkPath ?? defaultSdkPath(),
    scanReports: new ScanReports(options.scanReportsDir),
    now: options.now ?? (() => new Date()),
  };

  app.addHook("onSend", async (_request, reply) => {
    if (!reply.hasHeader("content-security-policy")) reply.header("content-security-policy", ADMIN_CSP);
    const type = String(reply.getHeader("content-type") ?? "");
    if (!type.startsWith("text/css") && !type.startsWith("text/javascript"))
      reply.header("cache-control", "no-store");
    reply.header("x-content-type-options", "nosniff").header("referrer-policy", "same-origin");
  });

  registerSignIn(app, context);
  registerLedgerPages(app, context);
  registerPolicyPages(app, context);
  registerScanPages(app, context);

  app.setNotFoundHandler((_request, reply) =>
    reply
      .code(404)
      .type("text/html; charset=utf-8")
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found · Macaron admin</title></head><body><main><h1>Not found</h1><p>Nothing here. <a href="${base}">Back to the overview</a>.</p></main></body></html>`,
      ),
  );
  app.setErrorHandler((error: FastifyError, request, reply) => {
    request.log.error({ err: error }, "admin page failed");
    const status = typeof error.statusCode === "number" && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 429)
      return reply
        .code(429)
        .type("text/html; charset=utf-8")
        .send(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Too many attempts · Macaron admin</title></head><body><main><h1>Too many sign-in attempts</h1><p>Wait a minute, then <a href="${base}/sign-in">try again</a>.</p></main></body></html>`,
        );
    return reply
      .code(status)
      .type("text/html; charset=utf-8")
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Error · Macaron admin</title></head><body><main><h1>${status < 500 ? "This request cannot be answered" : "Something went wrong"}</h1><p>${status < 500 ? "Check the address or the form and try again." : "The error is in the server's log."} <a href="${base}">Back to the overview</a>.</p></main></body></html>`,
      );
  });
};
