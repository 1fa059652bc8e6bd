/**
 * The client IP as it is stored: an HMAC-SHA256 under a random key that rotates every month
 * (GDPR art. 4(5) pseudonymisation). Within a month the same IP gives the same value, so abuse can
 * be told apart; once a month's key is deleted, its values can no longer be linked to an IP. The
 * raw IP is never stored, and never logged (see the logger's serializers in build-server.ts).
 */
import { createHmac } from "node:crypto";
import type { LedgerStore } from "./store/ledger-store.ts";

/** The key period of an instant: its UTC month, `2026-11`. */
export function pseudonymPeriod(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** `::ffff:192.0.2.1` (IPv4 seen through an IPv6 socket) is the same client as `192.0.2.1`. */
function canonicalIp(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(ip);
  return (mapped?.[1] ?? ip).toLowerCase();
}

export class IpPseudonymiser {
  readonly #keys = new Map<string, Promise<Uint8Array>>();
  readonly #store: Pick<LedgerStore, "pseudonymKey">;

  constructor(store: Pick<LedgerStore, "pseudonymKey">) {
    this.#store = store;
  }

  #key(period: string): Promise<Uint8Array> {
    let key = this.#keys.get(period);
    if (key === undefined) {
      key = this.#store.pseudonymKey(period);
      // Keep only the current month's key in memory; a failed read is retried next time.
      for (const old of this.#keys.keys()) if (old !== period) this.#keys.delete(old);
      this.#keys.set(period, key);
      key.catch(() => this.#keys.delete(period));
    }
    return key;
  }

  async pseudonymise(ip: string | undefined, at: Date): Promise<string | null> {
    if (ip === undefined || ip === "") return null;
    const key = await this.#key(pseudonymPeriod(at));
    return createHmac("sha256", key).update(canonicalIp(ip)).digest("hex");
  }
}
