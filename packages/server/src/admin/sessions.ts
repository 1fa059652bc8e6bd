/**
 * Admin sessions, kept on the server: the cookie carries only a random id (256 bits), so a stolen
 * cookie cannot be forged or extended, and signing out really ends the session. Each session has
 * its own CSRF token (synchronizer pattern) that every state-changing form sends back.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { AdminToken } from "../store/ledger-store.ts";

export interface AdminSession {
  readonly id: string;
  readonly csrfToken: string;
  readonly token: AdminToken;
  readonly expiresAt: number;
}

/** A working day: after it, the token is asked for again. */
export const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000;
/** Bounds memory if something signs in in a loop; the oldest sessions go first. */
const MAX_SESSIONS = 10_000;

export function randomId(): string {
  return randomBytes(32).toString("base64url");
}

/** Constant-time comparison of two tokens (CSRF, double-submit). */
export function sameSecret(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

export class AdminSessions {
  readonly #sessions = new Map<string, AdminSession>();

  open(token: AdminToken, now = Date.now()): AdminSession {
    if (this.#sessions.size >= MAX_SESSIONS) {
      const oldest = this.#sessions.keys().next().value;
      if (oldest !== undefined) this.#sessions.delete(oldest);
    }
    const session = { id: randomId(), csrfToken: randomId(), token, expiresAt: now + SESSION_LIFETIME_MS };
    this.#sessions.set(session.id, session);
    return session;
  }

  find(id: string | undefined, now = Date.now()): AdminSession | undefined {
    if (id === undefined) return undefined;
    const session = this.#sessions.get(id);
    if (session === undefined) return undefined;
    if (session.expiresAt <= now) {
      this.#sessions.delete(id);
      return undefined;
    }
    return session;
  }

  close(id: string): void {
    this.#sessions.delete(id);
  }
}
