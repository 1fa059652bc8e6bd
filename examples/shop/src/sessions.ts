/**
 * Visitor sessions: the strictly necessary `lpp_session` cookie (HttpOnly, SameSite=Lax, Secure
 * on https, no expiry: it ends with the browser session) keyed to an in-memory cart and sign-in.
 * A session is only created when the visitor needs one (adding to the cart, signing in).
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

export const SESSION_COOKIE = "lpp_session";

export interface CartLine {
  readonly slug: string;
  readonly size: string;
  quantity: number;
}

export interface Session {
  readonly id: string;
  readonly cart: CartLine[];
  account?: DemoAccount;
}

export interface DemoAccount {
  readonly email: string;
  readonly name: string;
}

/** The one account of the demo, shown on the sign-in page. */
export const DEMO_ACCOUNT = { email: "demo@lespetitsprodiges.test", password: "macaron", name: "Camille" };

export class SessionStore {
  readonly #sessions = new Map<string, Session>();
  readonly #csrfKey = randomBytes(32);

  /** The visitor's session, if their cookie names a live one. */
  find(request: FastifyRequest): Session | undefined {
    const id = request.cookies[SESSION_COOKIE];
    return id === undefined ? undefined : this.#sessions.get(id);
  }

  /** The visitor's session, created (and its cookie set) if they have none. */
  open(request: FastifyRequest, reply: FastifyReply): Session {
    const existing = this.find(request);
    if (existing) return existing;
    const session: Session = { id: randomBytes(24).toString("base64url"), cart: [] };
    this.#sessions.set(session.id, session);
    reply.setCookie(SESSION_COOKIE, session.id, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: request.protocol === "https",
    });
    return session;
  }

  signIn(session: Session, email: string, password: string): boolean {
    const ok = email.trim().toLowerCase() === DEMO_ACCOUNT.email && password === DEMO_ACCOUNT.password;
    if (ok) session.account = { email: DEMO_ACCOUNT.email, name: DEMO_ACCOUNT.name };
    return ok;
  }

  signOut(session: Session): void {
    session.account = undefined;
    session.cart.length = 0;
  }

  /** A form token bound to the session, so another site cannot post forms on the visitor's behalf. */
  csrfToken(session: Session | undefined): string {
    return createHmac("sha256", this.#csrfKey)
      .update(session?.id ?? "anonymous")
      .digest("base64url");
  }

  checkCsrf(session: Session | undefined, token: unknown): boolean {
    if (typeof token !== "string") return false;
    const expected = Buffer.from(this.csrfToken(session));
    const given = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
