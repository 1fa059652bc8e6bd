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

/**
 * Pseudonyms of the current month's recent IPs, so a returning address costs a map lookup, not
 * an HMAC. Held in memory only (never written anywhere); emptied when full and when the month
 * (the key) changes.
 */
const MAX_REMEMBERED_IPS = 10_000;

export class IpPseudonymiser {
  readonly #keys = new Map<string, Promise<Uint8Array>>();
  #remembered = { period: "", pseudonyms: new Map<string, string>() };
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
    const period = pseudonymPeriod(at);
    if (this.#remembered.period !== period) this.#remembered = { period, pseudonyms: new Map() };
    const known = this.#remembered.pseudonyms.get(ip);
    if (known !== undefined) return known;
    const key = await this.#key(period);
    const pseudonym = createHmac("sha256", key).update(canonicalIp(ip)).digest("hex");
    const { pseudonyms } = this.#remembered;
    if (this.#remembered.period === period) {
      if (pseudonyms.size >= MAX_REMEMBERED_IPS) pseudonyms.clear();
      pseudonyms.set(ip, pseudonym);
    }
    return pseudonym;
  }
}
