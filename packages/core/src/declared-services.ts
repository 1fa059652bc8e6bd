/**
 * Every service and storage item the site declares, plus the one Macaron itself adds: the
 * `macaron_consent` cookie, strictly necessary (it stores the choice), kept as long as a decision.
 * The SDK's dialog, the policy document and the scanner all list exactly these.
 */
import type { MacaronConfig, ServiceConfig } from "./config-schema.ts";
import { CONSENT_COOKIE_NAME } from "./consent-cookie.ts";
import { BUILT_IN_TEXTS, hasBuiltInTexts } from "./texts.ts";

export const CONSENT_SERVICE_ID = "macaron";

function declaresConsentCookie(services: readonly ServiceConfig[]): boolean {
  return services.some((service) => service.cookies.some((item) => item.name === CONSENT_COOKIE_NAME));
}

export function declaredServices(config: MacaronConfig): ServiceConfig[] {
  const exempt = config.categories.find((category) => category.basis === "exempt");
  if (!exempt || declaresConsentCookie(config.services)) return [...config.services];
  const purpose: Record<string, string> = {};
  for (const language of config.languages) {
    purpose[language] =
      config.texts[language]?.consentCookiePurpose ??
      (hasBuiltInTexts(language) ? BUILT_IN_TEXTS[language] : BUILT_IN_TEXTS.en).consentCookiePurpose;
  }
  const consentService: ServiceConfig = {
    id: CONSENT_SERVICE_ID,
    name: "Macaron",
    provider: config.site.controller.name,
    category: exempt.id,
    purposes: purpose,
    hosts: [],
    cookies: [
      { type: "cookie", name: CONSENT_COOKIE_NAME, retention: config.consentValidity, description: purpose },
    ],
  };
  return [...config.services, consentService];
}
