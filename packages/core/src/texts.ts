/**
 * The words of the banner and the preferences dialog, built in for French and English.
 * Every text can be overridden per language in the configuration (`texts.fr.acceptAll`).
 * They live here, not in the SDK, because the notice hash covers them: the server must know
 * exactly what the visitor was shown.
 */

export const TEXT_KEYS = [
  "bannerTitle",
  "bannerText",
  "policyLink",
  "acceptAll",
  "rejectAll",
  "customize",
  "preferencesTitle",
  "preferencesText",
  "save",
  "close",
  "alwaysOn",
  "provider",
  "purpose",
  "retention",
  "privacyPolicy",
  "cookies",
  "placeholderText",
  "placeholderButton",
  "gpcNotice",
  "manage",
  "legalBasisExempt",
  "legalBasisConsent",
  "consentCookiePurpose",
] as const;

export type TextKey = (typeof TEXT_KEYS)[number];
export type UiTexts = Record<TextKey, string>;

export const BUILT_IN_TEXTS: Record<"en" | "fr", UiTexts> = {
  en: {
    bannerTitle: "Your choice about cookies",
    bannerText:
      "With your consent, we and our partners use cookies for the purposes described in our cookie policy. Strictly necessary cookies are always on. You can accept all, reject all or choose, and change your mind at any time from “Manage cookies”.",
    policyLink: "Cookie policy",
    acceptAll: "Accept all",
    rejectAll: "Reject all",
    customize: "Customize",
    preferencesTitle: "Cookie preferences",
    preferencesText: "Choose which cookies we may use. Your choice is kept for {validity}.",
    save: "Save my choices",
    close: "Close",
    alwaysOn: "Always on",
    provider: "Provider",
    purpose: "Purpose",
    retention: "Retention",
    privacyPolicy: "Privacy policy",
    cookies: "Cookies",
    placeholderText:
      "This content from {service} may set cookies. It is blocked until you allow “{category}”.",
    placeholderButton: "Allow {category}",
    gpcNotice: "Your browser's Global Privacy Control signal refused this category.",
    manage: "Manage cookies",
    legalBasisExempt: "Strictly necessary: no consent required",
    legalBasisConsent: "Consent",
    consentCookiePurpose: "Remembers your cookie choices and when you made them.",
  },
  fr: {
    bannerTitle: "Votre choix sur les cookies",
    bannerText:
      "Avec votre consentement, nous et nos partenaires utilisons des cookies pour les finalités décrites dans notre politique de cookies. Les cookies strictement nécessaires sont toujours actifs. Vous pouvez tout accepter, tout refuser ou choisir, et changer d’avis à tout moment depuis « Gérer les cookies ».",
    policyLink: "Politique de cookies",
    acceptAll: "Tout accepter",
    rejectAll: "Tout refuser",
    customize: "Personnaliser",
    preferencesTitle: "Préférences en matière de cookies",
    preferencesText: "Choisissez les cookies que nous pouvons utiliser. Votre choix est conservé {validity}.",
    save: "Enregistrer mes choix",
    close: "Fermer",
    alwaysOn: "Toujours actifs",
    provider: "Fournisseur",
    purpose: "Finalité",
    retention: "Durée de conservation",
    privacyPolicy: "Politique de confidentialité",
    cookies: "Cookies",
    placeholderText:
      "Ce contenu de {service} peut déposer des cookies. Il est bloqué tant que vous n’autorisez pas « {category} ».",
    placeholderButton: "Autoriser « {category} »",
    gpcNotice: "Le signal Global Privacy Control de votre navigateur a refusé cette catégorie.",
    manage: "Gérer les cookies",
    legalBasisExempt: "Strictement nécessaire : aucun consentement requis",
    legalBasisConsent: "Consentement",
    consentCookiePurpose: "Mémorise vos choix en matière de cookies et leur date.",
  },
};

export function hasBuiltInTexts(language: string): language is "en" | "fr" {
  return language === "en" || language === "fr";
}
