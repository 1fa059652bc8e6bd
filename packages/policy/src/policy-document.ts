/**
 * The cookie policy document, built from the cookie declaration and the document templates, with
 * the seed policy's sections in its order: preamble, what a cookie is, which cookies are used,
 * their purposes (the purposes table and the cookie table), withdrawal and deactivation (with the
 * browsers' instructions), and the policy's revision.
 */
import { type MacaronConfig, resolveTexts } from "@macaron/core";
import { BROWSERS } from "./browsers.ts";
import { type CookieDeclaration, cookieDeclaration } from "./declaration.ts";
import type { Block, Inline, InlineContent, PolicyDocument, PolicySection } from "./document-model.ts";
import { plainText } from "./document-model.ts";
import { requirePolicyLanguage } from "./language.ts";
import { cookieName, cookieTable, purposesTable, serviceNames, servicesOf } from "./policy-tables.ts";
import { fill, joined } from "./template.ts";
import { POLICY_TEXTS, type PolicyLanguage, type PolicyTexts } from "./texts.ts";

/** Where the withdrawal link points when the SDK is not on the page: the withdrawal section. */
export const WITHDRAW_SECTION_ID = "withdraw";

const SECTION_IDS = [
  "preamble",
  "what-is-a-cookie",
  "cookies-used",
  "purposes",
  WITHDRAW_SECTION_ID,
  "updates",
];

// Building an Intl formatter costs about a millisecond: one per language, made once.
const DATE_FORMATS = new Map<PolicyLanguage, Intl.DateTimeFormat>();

/** "12 July 2024" / "12 juillet 2024": a date no reader can misread as 7 December. */
export function formatDate(isoDate: string, language: PolicyLanguage): string {
  let format = DATE_FORMATS.get(language);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(language === "fr" ? "fr-FR" : "en-GB", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    DATE_FORMATS.set(language, format);
  }
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}

const paragraph = (content: InlineContent): Block => ({ kind: "paragraph", content });
const code = (text: string): Inline => ({ kind: "code", text });
const strong = (text: string): Inline => ({ kind: "strong", text });

/** A purpose as a list item: list items carry no final full stop. */
function withoutFinalStop(text: string): string {
  return text.replace(/\.\s*$/, "");
}

interface Context {
  readonly declaration: CookieDeclaration;
  readonly texts: PolicyTexts;
  readonly language: PolicyLanguage;
  readonly site: string;
  readonly manage: string;
}

function controllerDescription({ declaration, texts, site }: Context): Inline[] {
  const { controller } = declaration.site;
  return [
    controller.name,
    ...(controller.name === site ? [] : fill(texts.controllerAlias, { site })),
    ...(controller.legalForm ? fill(texts.controllerLegalForm, { legalForm: controller.legalForm }) : []),
    ...(controller.registration
      ? fill(texts.controllerRegistration, { registration: controller.registration })
      : []),
    ...fill(texts.controllerAddress, { address: controller.address }),
  ];
}

function preamble(context: Context): Block[] {
  const { declaration, texts, site } = context;
  const { email } = declaration.site.controller;
  return [
    paragraph(
      fill(texts.preambleSite, {
        site,
        url: { kind: "link", text: declaration.site.url, href: declaration.site.url },
        controller: controllerDescription(context),
      }),
    ),
    ...(email
      ? [
          paragraph(
            fill(texts.controllerEmail, {
              site,
              email: { kind: "link", text: email, href: `mailto:${email}` },
            }),
          ),
        ]
      : []),
    paragraph(
      fill(texts.preamblePurpose, {
        site,
        privacyPolicy: {
          kind: "link",
          text: texts.privacyPolicyLink,
          href: declaration.site.privacyPolicyUrl,
        },
      }),
    ),
  ];
}

function whatIsACookie({ declaration, texts, site }: Context): Block[] {
  const collected = declaration.collectedData;
  return [
    paragraph(fill(texts.cookieDefinition, { site })),
    paragraph(fill(texts.consentBefore, { site })),
    ...(collected.length === 0
      ? []
      : [
          paragraph(fill(texts.collectedIntro, { site })),
          { kind: "list", items: collected.map((item) => [item]) } as Block,
        ]),
  ];
}

function cookiesUsed({ declaration, texts, site }: Context, purposesNumber: number): Block[] {
  const exempt = declaration.purposes.filter((purpose) => !purpose.consentRequired);
  const consent = declaration.purposes.filter((purpose) => purpose.consentRequired);
  const necessaryItems = exempt.flatMap((purpose) =>
    servicesOf(declaration, purpose.category).map((service) => {
      const names = declaration.cookies.filter((cookie) => cookie.service === service.id).map(cookieName);
      return names.length === 0
        ? [withoutFinalStop(service.purposes)]
        : fill(texts.necessaryItem, {
            purposes: withoutFinalStop(service.purposes),
            names: joined(
              names.map((name) => [code(name)]),
              ", ",
            ),
          });
    }),
  );
  const consentItems = consent.map((purpose) => {
    const services = serviceNames(declaration, purpose.category);
    return services === ""
      ? [strong(purpose.name)]
      : fill(texts.consentItem, { category: strong(purpose.name), services });
  });
  return [
    {
      kind: "subsection",
      id: "strictly-necessary",
      title: texts.necessaryTitle,
      blocks: [
        paragraph(fill(texts.necessaryText, { site })),
        ...(necessaryItems.length === 0 ? [] : [{ kind: "list", items: necessaryItems } as Block]),
      ],
    },
    {
      kind: "subsection",
      id: "subject-to-consent",
      title: texts.consentTitle,
      blocks:
        consentItems.length === 0
          ? [paragraph(fill(texts.consentNone, { site }))]
          : [
              paragraph(fill(texts.consentText, { site, section: String(purposesNumber) })),
              { kind: "list", items: consentItems },
            ],
    },
    {
      kind: "subsection",
      id: "third-party-sites",
      title: texts.thirdPartySitesTitle,
      blocks: [paragraph(fill(texts.thirdPartySitesText, { site }))],
    },
  ];
}

function purposes(context: Context): Block[] {
  const { texts } = context;
  return [
    paragraph([texts.purposesIntro]),
    { kind: "subsection", id: "purposes-list", title: texts.purposesTable, blocks: [purposesTable(context)] },
    { kind: "subsection", id: "cookies-list", title: texts.cookiesTable, blocks: [cookieTable(context)] },
  ];
}

function withdraw({ declaration, texts, site, manage, language }: Context): Block[] {
  const browsers = BROWSERS.map((browser) =>
    fill(texts.browserItem, {
      browser: strong(browser.name),
      steps: browser.steps[language],
      help: {
        kind: "link",
        text: plainText(fill(texts.browserHelp, { browser: browser.name })),
        href: browser.help[language],
        language,
      },
    }),
  );
  return [
    paragraph(
      fill(texts.withdrawText, {
        manage: { kind: "preferences", text: manage, href: `#${WITHDRAW_SECTION_ID}` },
      }),
    ),
    paragraph([texts.withdrawEffect]),
    paragraph(fill(texts.validityText, { validity: declaration.consentValidity.text })),
    paragraph(fill(texts.deactivationImpact, { site })),
    paragraph([texts.deactivationIntro]),
    { kind: "list", items: [[texts.deactivationDelete], [texts.deactivationBlock]] },
    {
      kind: "subsection",
      id: "browsers",
      title: texts.browsersTitle,
      blocks: [paragraph([texts.browsersIntro]), { kind: "list", items: browsers }],
    },
  ];
}

function updates({ declaration, texts, language }: Context): Block[] {
  const revision = String(declaration.revision);
  return [
    paragraph([texts.updatesText]),
    paragraph(
      declaration.lastUpdated
        ? fill(texts.updatesRevisionDated, {
            revision,
            date: {
              kind: "time",
              text: formatDate(declaration.lastUpdated, language),
              datetime: declaration.lastUpdated,
            },
          })
        : fill(texts.updatesRevision, { revision }),
    ),
  ];
}

/** The policy document of a validated configuration, in one of its languages (fr or en). */
export function policyDocument(config: MacaronConfig, language: string): PolicyDocument {
  const policyLanguage = requirePolicyLanguage(config, language);
  const declaration = cookieDeclaration(config, policyLanguage);
  const texts = POLICY_TEXTS[policyLanguage];
  const site = declaration.site.name;
  const context: Context = {
    declaration,
    texts,
    language: policyLanguage,
    site,
    manage: resolveTexts(config, policyLanguage).manage,
  };
  const purposesNumber = SECTION_IDS.indexOf("purposes") + 1;
  const bodies = [
    [texts.preambleTitle, preamble(context)],
    [texts.cookieTitle, whatIsACookie(context)],
    [plainText(fill(texts.usedTitle, { site })), cookiesUsed(context, purposesNumber)],
    [texts.purposesTitle, purposes(context)],
    [texts.withdrawTitle, withdraw(context)],
    [texts.updatesTitle, updates(context)],
  ] as const;
  const sections: PolicySection[] = bodies.map(([title, blocks], index) => ({
    id: SECTION_IDS[index] ?? `section-${index + 1}`,
    number: index + 1,
    title,
    blocks,
  }));
  const revision = String(declaration.revision);
  return {
    language: policyLanguage,
    title: texts.title,
    siteName: site,
    siteUrl: declaration.site.url,
    updated: declaration.lastUpdated
      ? fill(texts.updated, {
          revision,
          date: {
            kind: "time",
            text: formatDate(declaration.lastUpdated, policyLanguage),
            datetime: declaration.lastUpdated,
          },
        })
      : fill(texts.revisionOnly, { revision }),
    sections,
  };
}
