/**
 * The words of the cookie policy document that are not facts of one site: section titles, what a
 * cookie is, the legal statements, the table headings. Built in for French and English, they are
 * templates whose `{placeholders}` are filled with the configuration's facts (escaped by each
 * output format). The banner and dialog texts stay in core (the notice hash covers them); these
 * are the document's only.
 */

export const POLICY_LANGUAGES = ["fr", "en"] as const;
export type PolicyLanguage = (typeof POLICY_LANGUAGES)[number];

export function isPolicyLanguage(language: string): language is PolicyLanguage {
  return (POLICY_LANGUAGES as readonly string[]).includes(language);
}

export interface PolicyTexts {
  readonly title: string;
  readonly updated: string;
  readonly revisionOnly: string;
  readonly preambleTitle: string;
  /** `{controller}` is the controller's full description below. */
  readonly preambleSite: string;
  readonly controllerAlias: string;
  readonly controllerLegalForm: string;
  readonly controllerRegistration: string;
  readonly controllerAddress: string;
  readonly controllerEmail: string;
  readonly preamblePurpose: string;
  readonly privacyPolicyLink: string;
  readonly cookieTitle: string;
  readonly cookieDefinition: string;
  readonly consentBefore: string;
  readonly collectedIntro: string;
  readonly usedTitle: string;
  readonly necessaryTitle: string;
  readonly necessaryText: string;
  readonly necessaryItem: string;
  readonly consentTitle: string;
  readonly consentText: string;
  readonly consentItem: string;
  readonly consentNone: string;
  readonly thirdPartySitesTitle: string;
  readonly thirdPartySitesText: string;
  readonly purposesTitle: string;
  readonly purposesIntro: string;
  readonly purposesTable: string;
  readonly columnPurpose: string;
  readonly columnType: string;
  readonly columnLegalBasis: string;
  readonly columnValidity: string;
  readonly typeOfCookie: string;
  readonly noConsentRequired: string;
  readonly cookiesTable: string;
  readonly columnName: string;
  readonly columnProvider: string;
  readonly columnCategory: string;
  readonly columnRetention: string;
  readonly columnParty: string;
  readonly pattern: string;
  readonly service: string;
  readonly serviceHelp: string;
  readonly firstParty: string;
  readonly thirdParty: string;
  readonly withdrawTitle: string;
  readonly withdrawText: string;
  readonly withdrawEffect: string;
  readonly validityText: string;
  readonly deactivationImpact: string;
  readonly deactivationIntro: string;
  readonly deactivationDelete: string;
  readonly deactivationBlock: string;
  readonly browsersTitle: string;
  readonly browsersIntro: string;
  readonly browserItem: string;
  readonly browserHelp: string;
  readonly updatesTitle: string;
  readonly updatesText: string;
  readonly updatesRevision: string;
  readonly updatesRevisionDated: string;
  /** The page's chrome (header and footer), absent from the fragment and from print. */
  readonly skipLink: string;
  readonly languageSwitch: string;
  readonly print: string;
  readonly generatedBy: string;
}

// Non-breaking spaces before French high punctuation (« : ? ; »), as French typography wants.
const NB = "\u00a0";

export const POLICY_TEXTS: Record<PolicyLanguage, PolicyTexts> = {
  fr: {
    title: "Politique de gestion des cookies",
    updated: `Dernière mise à jour le {date} (révision {revision})`,
    revisionOnly: "Révision {revision}",
    preambleTitle: "Préambule",
    preambleSite: `Bienvenue sur le site {site} ({url} ou toute autre adresse qui viendrait à s’y substituer, le «${NB}Site${NB}»), édité par {controller}.`,
    controllerAlias: ` («${NB}{site}${NB}»)`,
    controllerLegalForm: ", {legalForm}",
    controllerRegistration: ", immatriculée sous le numéro {registration}",
    controllerAddress: ", dont le siège social est situé {address}",
    controllerEmail: `Vous pouvez contacter {site} à l’adresse {email}.`,
    preamblePurpose: `La présente politique explique comment et pourquoi {site} utilise des cookies et des technologies similaires sur le Site, et les choix qui vous sont offerts pour les paramétrer. Elle complète la {privacyPolicy}, disponible sur le Site.`,
    privacyPolicyLink: "politique de confidentialité",
    cookieTitle: `Qu’est-ce qu’un cookie${NB}?`,
    cookieDefinition: `Un cookie est un petit fichier que votre navigateur enregistre sur votre ordinateur ou votre appareil lorsque vous visitez un site, et qui permet au Site d’enregistrer des informations sur votre navigation. Les technologies similaires, comme le stockage local de votre navigateur, fonctionnent de la même façon et sont couvertes par cette politique.`,
    consentBefore: `Avant d’utiliser ces technologies, {site} recueille votre consentement, conformément à la loi, lorsque ce consentement est requis.`,
    collectedIntro: `Au moyen des cookies, {site} peut collecter des données de navigation, telles que${NB}:`,
    usedTitle: `Quels cookies sont utilisés par {site}${NB}?`,
    necessaryTitle: "Cookies strictement nécessaires",
    necessaryText: `Certaines fonctionnalités du Site ne peuvent pas fonctionner sans certains cookies, indispensables pour naviguer sur le Site et utiliser ses fonctionnalités. La loi n’impose pas de recueillir votre consentement préalable avant de les déposer. Le Site utilise les suivants${NB}:`,
    necessaryItem: "{purposes} ({names})",
    consentTitle: "Cookies soumis à votre consentement",
    consentText: `En dehors des cookies strictement nécessaires, {site} n’utilise les cookies suivants qu’après avoir obtenu votre consentement préalable, comme décrit à l’article {section}${NB}:`,
    consentItem: `{category}${NB}: {services}`,
    consentNone: `En dehors des cookies strictement nécessaires, {site} n’utilise aucun cookie.`,
    thirdPartySitesTitle: "Cookies des sites tiers",
    thirdPartySitesText: `Le Site peut contenir des liens vers d’autres sites. {site} ne connaît pas les cookies utilisés par ces sites${NB}: pour en savoir plus, consultez les informations qu’ils fournissent sur leurs propres cookies.`,
    purposesTitle: "Finalités des cookies",
    purposesIntro: `Les tableaux ci-dessous indiquent les finalités pour lesquelles des cookies peuvent être utilisés sur le Site, puis chaque cookie avec son fournisseur, sa finalité et sa durée de conservation.`,
    purposesTable: "Finalités",
    columnPurpose: "Finalité",
    columnType: "Type de cookie",
    columnLegalBasis: "Base légale",
    columnValidity: "Durée de validité du consentement",
    typeOfCookie: `{category}${NB}: {services}`,
    noConsentRequired: "Aucun consentement requis",
    cookiesTable: "Liste des cookies",
    columnName: "Nom",
    columnProvider: "Fournisseur",
    columnCategory: "Catégorie",
    columnRetention: "Durée de conservation",
    columnParty: "Cookie interne ou tiers",
    pattern: "tout nom de cette forme",
    service: `Service${NB}: {service}`,
    serviceHelp: `{service}${NB}: politique de confidentialité`,
    firstParty: "Interne (domaine du Site)",
    thirdParty: "Tiers ({domain})",
    withdrawTitle: "Retrait du consentement et désactivation",
    withdrawText: `Vous pouvez retirer votre consentement ou modifier vos choix à tout moment, aussi simplement que vous les avez exprimés${NB}: {manage}.`,
    withdrawEffect: `Lorsque vous retirez votre consentement, le Site supprime les cookies qu’il a déposés pour les catégories que vous refusez. Les cookies déposés par des tiers sur leurs propres domaines se suppriment depuis votre navigateur, comme indiqué ci-dessous.`,
    validityText: `Votre choix, que vous acceptiez ou refusiez, est conservé {validity}${NB}; il vous est ensuite demandé à nouveau.`,
    deactivationImpact: `Les cookies jouent un rôle important dans le fonctionnement des services du Site. Leur désactivation, en particulier celle des cookies strictement nécessaires, peut réduire ou empêcher l’accès à tout ou partie de ces services.`,
    deactivationIntro: `Si vous ne souhaitez pas de cookies${NB}:`,
    deactivationDelete: `vous pouvez les supprimer depuis les réglages de cookies de votre navigateur${NB};`,
    deactivationBlock: `vous pouvez aussi configurer votre navigateur pour bloquer les cookies, ou pour être averti avant qu’un cookie ne soit enregistré.`,
    browsersTitle: "Dans votre navigateur",
    browsersIntro: `Chaque navigateur gère les cookies dans ses propres réglages${NB}:`,
    browserItem: `{browser}${NB}: {steps}. {help}`,
    browserHelp: `{browser}${NB}: aide sur les cookies`,
    updatesTitle: "Mises à jour de cette politique",
    updatesText: `Cette politique est générée à partir de la configuration des cookies du Site${NB}: elle décrit les cookies que le Site déclare utiliser. Chaque version publiée porte un numéro de révision${NB}; lorsqu’une nouvelle révision est publiée, votre choix vous est demandé à nouveau.`,
    updatesRevision: "La présente version est la révision {revision}.",
    updatesRevisionDated: "La présente version est la révision {revision}, mise à jour le {date}.",
    skipLink: "Aller au contenu",
    languageSwitch: "Langue",
    print: "Imprimer",
    generatedBy: "Politique générée par Macaron à partir de la configuration des cookies de {site}.",
  },
  en: {
    title: "Cookie management policy",
    updated: "Last updated on {date} (revision {revision})",
    revisionOnly: "Revision {revision}",
    preambleTitle: "Preamble",
    preambleSite:
      "Welcome to the {site} website ({url} or any other address that may replace it, the “Site”), published by {controller}.",
    controllerAlias: " (“{site}”)",
    controllerLegalForm: ", {legalForm}",
    controllerRegistration: ", registered under number {registration}",
    controllerAddress: ", with its registered office at {address}",
    controllerEmail: "You can contact {site} at {email}.",
    preamblePurpose:
      "This policy explains how and why {site} uses cookies and similar technologies on the Site, and the choices you have to configure them. It complements the {privacyPolicy}, available on the Site.",
    privacyPolicyLink: "privacy policy",
    cookieTitle: "What is a cookie?",
    cookieDefinition:
      "A cookie is a small file that your browser stores on your computer or device when you visit a site, and that allows the Site to record information about your browsing. Similar technologies, such as your browser’s local storage, work the same way and are covered by this policy.",
    consentBefore:
      "Before using these technologies, {site} asks for your consent, as the law requires, when such consent is required.",
    collectedIntro: "Through cookies, {site} may collect browsing data such as:",
    usedTitle: "Which cookies does {site} use?",
    necessaryTitle: "Strictly necessary cookies",
    necessaryText:
      "Some features of the Site cannot work without certain cookies, which are essential for browsing the Site and using its features. The law does not require your prior consent before they are placed. The Site uses the following:",
    necessaryItem: "{purposes} ({names})",
    consentTitle: "Cookies subject to your consent",
    consentText:
      "Apart from strictly necessary cookies, {site} uses the following cookies only after obtaining your prior consent, as described in section {section}:",
    consentItem: "{category}: {services}",
    consentNone: "Apart from strictly necessary cookies, {site} uses no cookies.",
    thirdPartySitesTitle: "Cookies from third-party sites",
    thirdPartySitesText:
      "The Site may contain links to other sites. {site} does not know which cookies these sites use: to find out more, please see the information they provide about their own cookies.",
    purposesTitle: "Purposes of the cookies",
    purposesIntro:
      "The tables below list the purposes for which cookies may be used on the Site, then each cookie with its provider, its purpose and its retention period.",
    purposesTable: "Purposes",
    columnPurpose: "Purpose",
    columnType: "Type of cookie",
    columnLegalBasis: "Legal basis",
    columnValidity: "Consent validity period",
    typeOfCookie: "{category}: {services}",
    noConsentRequired: "No consent required",
    cookiesTable: "List of cookies",
    columnName: "Name",
    columnProvider: "Provider",
    columnCategory: "Category",
    columnRetention: "Retention period",
    columnParty: "First or third party",
    pattern: "any name of this form",
    service: "Service: {service}",
    serviceHelp: "{service}: privacy policy",
    firstParty: "First party (the Site’s domain)",
    thirdParty: "Third party ({domain})",
    withdrawTitle: "Withdrawing consent and deactivation",
    withdrawText:
      "You can withdraw your consent or change your choices at any time, as easily as you gave them: {manage}.",
    withdrawEffect:
      "When you withdraw your consent, the Site deletes the cookies it placed for the categories you refuse. Cookies placed by third parties on their own domains are deleted from your browser, as explained below.",
    validityText:
      "Your choice, whether you accept or refuse, is kept for {validity}; you are then asked for it again.",
    deactivationImpact:
      "Cookies play an important role in how the Site’s services work. Deactivating them, especially strictly necessary cookies, may reduce or prevent access to all or part of these services.",
    deactivationIntro: "If you do not want cookies:",
    deactivationDelete: "you can delete them from your browser’s cookie settings;",
    deactivationBlock:
      "you can also set your browser to block cookies, or to warn you before a cookie is stored.",
    browsersTitle: "In your browser",
    browsersIntro: "Each browser manages cookies in its own settings:",
    browserItem: "{browser}: {steps}. {help}",
    browserHelp: "{browser}: help on cookies",
    updatesTitle: "Updates to this policy",
    updatesText:
      "This policy is generated from the Site’s cookie configuration: it describes the cookies the Site declares that it uses. Each published version has a revision number; when a new revision is published, you are asked for your choice again.",
    updatesRevision: "This version is revision {revision}.",
    updatesRevisionDated: "This version is revision {revision}, updated on {date}.",
    skipLink: "Skip to content",
    languageSwitch: "Language",
    print: "Print",
    generatedBy: "Policy generated by Macaron from the cookie configuration of {site}.",
  },
};

/** Each language's own name, for the language switch. */
export const LANGUAGE_NAMES: Record<PolicyLanguage, string> = { fr: "Français", en: "English" };
