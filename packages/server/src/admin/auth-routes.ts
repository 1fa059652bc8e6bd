/**
 * Signing in and out. The admin token is checked by the store (only its hash is stored); a valid
 * one opens a server-side session whose random id travels in an HttpOnly, SameSite=Strict cookie
 * scoped to the dashboard. Forms are CSRF-safe: the sign-in form by double submit (a random value
 * in a cookie and in the form), every signed-in form by the session's synchronizer token, and
 * every POST must come from this origin when the browser says where it comes from.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type AdminContext, pageContext, sendPage } from "./admin-context.ts";
import { signInPage } from "./pages/sign-in.ts";
import { randomId, SESSION_LIFETIME_MS, sameSecret } from "./sessions.ts";

export const SESSION_COOKIE = "macaron_admin";
const LOGIN_COOKIE = "macaron_admin_login";
/** Sign-in attempts per client IP: tokens are unguessable, this keeps token checks cheap to serve. */
export const SIGN_IN_LIMIT = { max: 20, timeWindow: "1 minute" } as const;

function cookieOptions(context: AdminContext, request: FastifyRequest, maxAge: number) {
  return {
    path: context.base || "/",
    httpOnly: true,
    sameSite: "strict" as const,
    secure: request.protocol === "https",
    maxAge,
  };
}

/** False when the browser names another origin than this server's (Origin, else Referer). */
export function sameOrigin(request: FastifyRequest): boolean {
  const own = `${request.protocol}://${request.host}`;
  const origin = request.headers.origin;
  if (origin !== undefined) return origin === own;
  const referer = request.headers.referer;
  if (referer === undefined) return true;
  try {
    return new URL(referer).origin === own;
  } catch {
    return false;
  }
}

/** Where to go after signing in: a dashboard path only, never another site. */
function safeNext(context: AdminContext, next: unknown): string {
  const home = context.base || "/";
  if (typeof next !== "string") return home;
  if (
    next === context.base ||
    (next.startsWith(`${context.base}/`) && !next.startsWith("//") && !/[\\\s]/.test(next))
  )
    return next;
  return home;
}

function formField(request: FastifyRequest, name: string): string | undefined {
  const body = request.body as Record<string, unknown> | null | undefined;
  const value = body?.[name];
  return typeof value === "string" ? value : undefined;
}

/** For POST routes of signed-in pages: the session's CSRF token and this origin, or 403. */
export function checkForm(request: FastifyRequest, reply: FastifyReply): boolean {
  const session = request.adminSession;
  if (session && sameOrigin(request) && sameSecret(formField(request, "csrf"), session.csrfToken))
    return true;
  reply
    .code(403)
    .type("text/html; charset=utf-8")
    .send(
      "<!doctype html><html lang=en><title>Forbidden</title><h1>This form expired</h1><p>Go back, reload the page and try again.</p></html>",
    );
  return false;
}

export function registerSignIn(app: FastifyInstance, context: AdminContext): void {
  app.decorateRequest("adminSession", null);

  app.addHook("onRequest", async (request, reply) => {
    const session = context.sessions.find(request.cookies[SESSION_COOKIE]);
    request.adminSession = session ?? null;
    if (session || request.routeOptions.config.adminPublic) return;
    if (request.method === "GET" || request.method === "HEAD") {
      const next = encodeURIComponent(request.url);
      return reply.redirect(`${context.base}/sign-in?next=${next}`, 303);
    }
    return reply
      .code(401)
      .send({ error: { code: "UNAUTHORIZED", message: "Sign in to the dashboard first." } });
  });

  const showForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    next: string,
    outcome: { readonly status?: number; readonly error?: string; readonly signedOut?: boolean } = {},
  ) => {
    // Reuse the browser's value: two sign-in tabs must not invalidate each other's form.
    const existing = request.cookies[LOGIN_COOKIE];
    const csrf = existing && /^[\w-]{43}$/.test(existing) ? existing : randomId();
    reply.setCookie(LOGIN_COOKIE, csrf, cookieOptions(context, request, 3600));
    const options = {
      csrf,
      next,
      signedOut: outcome.signedOut === true,
      ...(outcome.error ? { error: outcome.error } : {}),
    };
    return sendPage(reply, signInPage(pageContext(context, request), options), outcome.status ?? 200);
  };

  app.get<{ Querystring: { next?: string; signedOut?: string } }>(
    "/sign-in",
    { config: { adminPublic: true } },
    async (request, reply) => {
      const next = safeNext(context, request.query.next);
      if (request.adminSession) return reply.redirect(next, 303);
      return showForm(request, reply, next, { signedOut: request.query.signedOut === "1" });
    },
  );

  app.post(
    "/sign-in",
    { config: { adminPublic: true, rateLimit: SIGN_IN_LIMIT } },
    async (request, reply) => {
      const next = safeNext(context, formField(request, "next"));
      if (!sameOrigin(request) || !sameSecret(formField(request, "csrf"), request.cookies[LOGIN_COOKIE])) {
        return showForm(request, reply, next, {
          status: 403,
          error: "This form expired: please enter your token again.",
        });
      }
      const token = formField(request, "token")?.trim() ?? "";
      const identity = token ? await context.store.checkToken(token) : undefined;
      if (identity === undefined) {
        return showForm(request, reply, next, {
          status: 401,
          error:
            "This admin token is not valid. Check it, or create a new one with “npx macaron token create”.",
        });
      }
      const session = context.sessions.open(identity);
      reply.clearCookie(LOGIN_COOKIE, { path: context.base || "/" });
      reply.setCookie(
        SESSION_COOKIE,
        session.id,
        cookieOptions(context, request, SESSION_LIFETIME_MS / 1000),
      );
      return reply.redirect(next, 303);
    },
  );

  app.post("/sign-out", async (request, reply) => {
    if (!checkForm(request, reply)) return reply;
    if (request.adminSession) context.sessions.close(request.adminSession.id);
    reply.clearCookie(SESSION_COOKIE, { path: context.base || "/" });
    return reply.redirect(`${context.base}/sign-in?signedOut=1`, 303);
  });
}
