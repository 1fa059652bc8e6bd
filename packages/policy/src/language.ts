/**
 * Which language the policy is rendered in: the configuration's languages that Macaron has
 * document texts for, chosen from `?lang=`, then the browser's `Accept-Language`, then the
 * configuration's default language.
 */
import { defaultLanguage, type MacaronConfig } from "@macaron/core";
import { policyError } from "./errors.ts";
import { isPolicyLanguage, type PolicyLanguage } from "./texts.ts";

/** The languages the policy of this configuration can be rendered in, in configuration order. */
export function policyLanguages(config: Pick<MacaronConfig, "languages">): PolicyLanguage[] {
  return config.languages.filter(isPolicyLanguage);
}

/** `language` if the policy can be rendered in it, else a `POLICY_LANGUAGE_UNAVAILABLE` error. */
export function requirePolicyLanguage(
  config: Pick<MacaronConfig, "languages">,
  language: string,
): PolicyLanguage {
  const available = policyLanguages(config);
  if ((available as string[]).includes(language)) return language as PolicyLanguage;
  throw policyError(
    "POLICY_LANGUAGE_UNAVAILABLE",
    available.length === 0
      ? `no cookie policy can be rendered: the configuration's languages (${config.languages.join(", ")}) have no built-in document texts (fr, en)`
      : `no cookie policy in "${language}": available in ${available.join(", ")}`,
    { language, available },
  );
}

interface Preference {
  readonly tag: string;
  readonly quality: number;
  readonly order: number;
}

/**
 * The ranges of an `Accept-Language` header, best first (RFC 9110 §12.5.4): `fr-CH, fr;q=0.9,
 * en;q=0.8, *;q=0.5`. Malformed entries are skipped; `q=0` means "not this one".
 */
export function acceptedLanguages(header: string): string[] {
  const preferences: Preference[] = [];
  header.split(",").forEach((entry, order) => {
    const [range = "", ...parameters] = entry.trim().split(";");
    const tag = range.trim().toLowerCase();
    if (!/^([a-z]{1,8}(-[a-z0-9]{1,8})*|\*)$/.test(tag)) return;
    let quality = 1;
    for (const parameter of parameters) {
      const match = /^\s*q\s*=\s*([01](\.\d{0,3})?)\s*$/i.exec(parameter);
      if (match) quality = Number(match[1]);
    }
    if (quality > 0 && quality <= 1) preferences.push({ tag, quality, order });
  });
  return preferences.sort((a, b) => b.quality - a.quality || a.order - b.order).map(({ tag }) => tag);
}

export interface LanguageRequest {
  /** The `lang` query parameter (repeated parameters: the first counts). */
  readonly query?: string | readonly string[] | null;
  /** The `Accept-Language` request header. */
  readonly acceptLanguage?: string | readonly string[] | null;
}

function first(value: string | readonly string[] | null | undefined): string | undefined {
  return (typeof value === "string" ? value : value?.[0])?.trim() || undefined;
}

/**
 * The language to render the policy in for a request: `?lang=` if the policy exists in it, else
 * the best `Accept-Language` match (`fr-CH` matches `fr`), else the configuration's default
 * language, else its first language that has document texts. An unavailable `?lang=` is not an
 * error here: the visitor still gets the policy, in the best language there is.
 */
export function policyLanguageFor(
  config: Pick<MacaronConfig, "languages" | "defaultLanguage">,
  request: LanguageRequest = {},
): PolicyLanguage {
  const available: string[] = policyLanguages(config);
  const fallback = available[0];
  if (fallback === undefined) return requirePolicyLanguage(config, defaultLanguage(config));
  const asked = first(request.query)?.toLowerCase();
  if (asked !== undefined && available.includes(asked)) return asked as PolicyLanguage;
  const header = first(request.acceptLanguage);
  for (const tag of header === undefined ? [] : acceptedLanguages(header)) {
    if (tag === "*") break;
    const primary = tag.split("-")[0] ?? "";
    if (available.includes(primary)) return primary as PolicyLanguage;
  }
  const configured = defaultLanguage(config);
  return (available.includes(configured) ? configured : fallback) as PolicyLanguage;
}
