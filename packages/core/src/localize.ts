/**
 * Choosing texts for a language: the configuration's localized texts, and the UI texts
 * (built-in French and English, overridden per language by `texts`).
 */
import type { LocalizedText, MacaronConfig } from "./config-schema.ts";
import { BUILT_IN_TEXTS, hasBuiltInTexts, TEXT_KEYS, type UiTexts } from "./texts.ts";

/** The text in `language`; validation guarantees every declared language is present. */
export function localize(text: LocalizedText, language: string): string {
  return text[language] ?? Object.values(text)[0] ?? "";
}

export function defaultLanguage(config: Pick<MacaronConfig, "languages" | "defaultLanguage">): string {
  return config.defaultLanguage ?? config.languages[0] ?? "en";
}

/** Every UI text for `language`: the built-in ones overridden by the configuration's. */
export function resolveTexts(config: Pick<MacaronConfig, "texts">, language: string): UiTexts {
  const builtIn = hasBuiltInTexts(language) ? BUILT_IN_TEXTS[language] : undefined;
  const overrides = config.texts[language] ?? {};
  const texts = {} as UiTexts;
  for (const key of TEXT_KEYS) texts[key] = overrides[key] ?? builtIn?.[key] ?? BUILT_IN_TEXTS.en[key];
  return texts;
}
