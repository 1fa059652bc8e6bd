/**
 * The notice: everything a visitor is shown for one revision in one language (the banner and
 * dialog texts, the categories, the services and their cookie list with retentions), and its
 * hash. A proof carries `noticeHash`, binding the decision to the exact words shown. The server
 * and the CLI compute it; the SDK receives it in its configuration and never hashes.
 */
import { canonicalJson } from "./canonical-json.ts";
import type { MacaronConfig } from "./config-schema.ts";
import { declaredServices } from "./declared-services.ts";
import { type Duration, formatDuration, parseDuration } from "./duration.ts";
import { localize, resolveTexts } from "./localize.ts";
import type { UiTexts } from "./texts.ts";

export interface NoticeStorageItem {
  readonly type: string;
  readonly name?: string;
  readonly pattern?: string;
  readonly domain?: string;
  readonly retention: string;
  readonly description: string;
}

export interface NoticeService {
  readonly id: string;
  readonly name: string;
  readonly provider: string;
  readonly category: string;
  readonly purposes: string;
  readonly privacyPolicyUrl?: string;
  readonly cookies: readonly NoticeStorageItem[];
}

export interface NoticeCategory {
  readonly id: string;
  readonly basis: "exempt" | "consent";
  readonly name: string;
  readonly description: string;
  readonly legalBasis: string;
}

export interface Notice {
  readonly revision: number;
  readonly language: string;
  readonly site: {
    readonly name: string;
    readonly cookiePolicyUrl: string;
    readonly privacyPolicyUrl: string;
  };
  readonly consentValidity: string;
  readonly texts: UiTexts;
  readonly categories: readonly NoticeCategory[];
  readonly services: readonly NoticeService[];
}

/** A duration as shown: French for French visitors, English for every other language. */
export function displayDuration(text: string, language: string): string {
  const duration: Duration | undefined = parseDuration(text);
  return duration === undefined ? text : formatDuration(duration, language === "fr" ? "fr" : "en");
}

export function noticeFor(config: MacaronConfig, language: string): Notice {
  const texts = resolveTexts(config, language);
  return {
    revision: config.revision,
    language,
    site: {
      name: config.site.name,
      cookiePolicyUrl: config.site.cookiePolicyUrl,
      privacyPolicyUrl: config.site.privacyPolicyUrl,
    },
    consentValidity: displayDuration(config.consentValidity, language),
    texts,
    categories: config.categories.map((category) => ({
      id: category.id,
      basis: category.basis,
      name: localize(category.name, language),
      description: localize(category.description, language),
      legalBasis: category.legalBasis
        ? localize(category.legalBasis, language)
        : category.basis === "exempt"
          ? texts.legalBasisExempt
          : texts.legalBasisConsent,
    })),
    services: declaredServices(config).map((service) => ({
      id: service.id,
      name: service.name,
      provider: service.provider,
      category: service.category,
      purposes: localize(service.purposes, language),
      privacyPolicyUrl: service.privacyPolicyUrl,
      cookies: service.cookies.map((item) => ({
        type: item.type,
        name: item.name,
        pattern: item.pattern,
        domain: item.domain,
        retention: displayDuration(item.retention, language),
        description: localize(item.description, language),
      })),
    })),
  };
}

interface DigestRuntime {
  readonly crypto: { readonly subtle: { digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer> } };
  readonly TextEncoder: new () => { encode(text: string): Uint8Array };
}

/** SHA-256 in hexadecimal through WebCrypto, present in browsers and in Node 20 alike. */
export async function sha256Hex(text: string): Promise<string> {
  const runtime = globalThis as unknown as DigestRuntime;
  const digest = await runtime.crypto.subtle.digest("SHA-256", new runtime.TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The SHA-256 of the canonical notice for a revision and language. */
export function noticeHash(config: MacaronConfig, language: string): Promise<string> {
  return sha256Hex(canonicalJson(noticeFor(config, language)));
}
