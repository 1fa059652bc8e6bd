/**
 * The configuration schema: `macaron.config.json`, the single source of truth read by the SDK,
 * the server, the policy document and the scanner. Structural rules live here; rules that need
 * the whole file (references, languages, compliance) live in `config-references.ts` and
 * `compliance.ts`. The JSON Schema published for editors is generated from this file.
 */
import { z } from "zod";
import { parseDuration } from "./duration.ts";
import { TEXT_KEYS } from "./texts.ts";

export const DURATION_EXAMPLES = '"6 months", "2 years", "30 days" or "session"';

const durationText = z
  .string()
  .refine((text) => parseDuration(text) !== undefined, {
    message: `expected a duration such as ${DURATION_EXAMPLES}`,
  })
  .meta({ description: "A duration in English or French.", examples: ["6 months", "2 years", "session"] });

const identifier = z
  .string()
  .regex(
    /^[a-z][a-z0-9_-]{0,39}$/,
    "expected an id of lowercase letters, digits, '-' or '_', starting with a letter",
  )
  .meta({ description: "A stable id: lowercase letters, digits, '-' or '_'." });

export const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}$/, 'expected a two-letter language code such as "fr" or "en"');

/** A text per language: `{ "fr": "…", "en": "…" }`; every declared language must be present. */
const localizedText = z
  .record(languageTag, z.string().trim().min(1, "expected a non-empty text"))
  .meta({ description: 'Text per language, e.g. { "fr": "…", "en": "…" }.' });

const webAddress = z
  .string()
  .refine(
    (text) => text.startsWith("/") || /^https?:\/\/[^\s/]+(\/\S*)?$/.test(text),
    "expected an http(s) URL or a path starting with '/'",
  );

const origin = z
  .string()
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/, 'expected an origin such as "https://shop.example"');

const hostName = z
  .string()
  .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$/, 'expected a host name such as "www.google-analytics.com"');

const cookieDomain = z
  .string()
  .regex(/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/, 'expected a cookie domain such as ".doubleclick.net"');

export const STORAGE_TYPES = ["cookie", "localStorage", "sessionStorage"] as const;

export const storageItemSchema = z
  .strictObject({
    type: z.enum(STORAGE_TYPES).default("cookie"),
    name: z
      .string()
      .regex(/^[^\s;,*=]{1,200}$/, "expected an exact name without spaces, ';', ',', '=' or '*'")
      .optional(),
    pattern: z
      .string()
      .regex(/^[^\s;,=]{1,200}$/, "expected a pattern without spaces, ';', ',' or '='")
      .refine((text) => text.includes("*"), "expected a pattern with at least one '*', such as \"_ga_*\"")
      .optional(),
    domain: cookieDomain.optional().meta({
      description: "Domain the cookie is set on; absent for the site's own (first-party) cookies.",
    }),
    retention: durationText,
    description: localizedText,
  })
  .meta({ description: "A cookie or storage key, by exact name or by pattern ('*' matches any text)." });

export const serviceSchema = z.strictObject({
  id: identifier,
  name: z.string().trim().min(1),
  provider: z.string().trim().min(1),
  category: identifier.meta({ description: "Id of the category the service belongs to." }),
  purposes: localizedText,
  privacyPolicyUrl: webAddress.optional(),
  hosts: z.array(hostName).default([]).meta({ description: "Hosts the service loads from." }),
  cookies: z.array(storageItemSchema).default([]),
});

export const EXEMPTION_REASONS = [
  "strictly-necessary",
  "authentication",
  "session",
  "cart",
  "security",
  "user-interface",
  "load-balancing",
  "consent-storage",
  "audience-measurement",
] as const;

/** The Consent Mode v2 types a category can grant; `security_storage` is always granted. */
export const GRANTABLE_CONSENT_TYPES = [
  "ad_storage",
  "ad_user_data",
  "ad_personalization",
  "analytics_storage",
  "functionality_storage",
  "personalization_storage",
] as const;

export const categorySchema = z.strictObject({
  id: identifier,
  basis: z.enum(["exempt", "consent"]).meta({
    description: "'exempt': strictly necessary, always on; 'consent': off until the visitor agrees.",
  }),
  exemption: z
    .enum(EXEMPTION_REASONS)
    .optional()
    .meta({ description: "Why an exempt category needs no consent." }),
  name: localizedText,
  description: localizedText,
  legalBasis: localizedText
    .optional()
    .meta({ description: 'Legal-basis wording shown, e.g. "Legitimate interest".' }),
  preselected: z.boolean().optional().meta({ description: "Never true for a consent category." }),
  consentMode: z
    .array(z.enum(GRANTABLE_CONSENT_TYPES))
    .optional()
    .meta({ description: "Consent Mode v2 types granted by this category." }),
});

const controllerSchema = z.strictObject({
  name: z.string().trim().min(1),
  legalForm: localizedText.optional(),
  registration: z.string().trim().min(1).optional(),
  address: z.string().trim().min(1),
  email: z.email("expected an e-mail address").optional(),
});

const siteSchema = z.strictObject({
  name: z.string().trim().min(1),
  url: z
    .string()
    .regex(/^https?:\/\/[^\s/]+\/?$/, 'expected the site\'s home URL such as "https://shop.example"'),
  origins: z
    .array(origin)
    .optional()
    .meta({ description: "Origins allowed to send proofs; default: the site URL's." }),
  controller: controllerSchema,
  privacyPolicyUrl: webAddress,
  cookiePolicyUrl: webAddress.default("/cookie-policy"),
});

export const BANNER_BUTTONS = ["accept", "reject", "customize"] as const;

const bannerSchema = z.strictObject({
  buttons: z
    .array(z.enum(BANNER_BUTTONS))
    .default(["reject", "accept", "customize"])
    .meta({ description: "First-layer buttons in display order; 'reject' and 'accept' are both required." }),
  reloadOnWithdrawal: z.boolean().default(true),
});

const consentModeSchema = z.strictObject({
  enabled: z.boolean().default(true),
  mode: z.enum(["basic", "advanced"]).default("basic").meta({
    description: "'basic': no Google tag before consent. 'advanced' loads tags cookieless before consent.",
  }),
  waitForUpdate: z.number().int().min(0).max(10_000).default(500),
});

const gpcSchema = z.strictObject({
  honour: z.boolean().default(true),
  refuse: z.array(identifier).optional().meta({
    description: "Categories refused when the browser sends Global Privacy Control (default: 'advertising').",
  }),
});

const ledgerSchema = z.strictObject({
  endpoint: webAddress.optional().meta({ description: "Where the SDK sends proofs, e.g. '/v1/consents'." }),
  proofRetention: durationText.default("5 years"),
});

const textOverrides = z.strictObject(
  Object.fromEntries(TEXT_KEYS.map((key) => [key, z.string().trim().min(1).optional()])) as Record<
    (typeof TEXT_KEYS)[number],
    z.ZodOptional<z.ZodString>
  >,
);

export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    site: siteSchema,
    revision: z.number().int().positive().meta({
      description: "Raise it to ask every visitor again (earlier decisions stop counting).",
    }),
    lastUpdated: z.iso.date('expected a date such as "2024-07-12"').optional().meta({
      description: "When the cookie policy last changed, shown at the top of the policy document.",
    }),
    collectedData: z.array(localizedText).optional().meta({
      description:
        'The data the site may collect through cookies, one item per entry, listed in the cookie policy under "What is a cookie?", e.g. { "fr": "Historique d’achat", "en": "Purchase history" }.',
    }),
    consentValidity: durationText.default("6 months").meta({
      description: "How long a decision (accept or refuse) is kept; at most 13 months.",
    }),
    languages: z.array(languageTag).min(1).default(["en"]),
    defaultLanguage: languageTag.optional(),
    categories: z.array(categorySchema).min(1),
    services: z.array(serviceSchema).default([]),
    banner: bannerSchema.default({ buttons: ["reject", "accept", "customize"], reloadOnWithdrawal: true }),
    consentMode: consentModeSchema.default({ enabled: true, mode: "basic", waitForUpdate: 500 }),
    gpc: gpcSchema.default({ honour: true }),
    ledger: ledgerSchema.default({ proofRetention: "5 years" }),
    texts: z.record(languageTag, textOverrides).default({}),
  })
  .meta({
    title: "Macaron configuration",
    description: "macaron.config.json: the site's cookie policy as data.",
  });

/** The configuration as written in the file (defaults not yet applied). */
export type MacaronConfigInput = z.input<typeof configSchema>;
/** The configuration after validation, defaults applied. */
export type MacaronConfig = z.output<typeof configSchema>;
export type CategoryConfig = MacaronConfig["categories"][number];
export type ServiceConfig = MacaronConfig["services"][number];
export type StorageItemConfig = ServiceConfig["cookies"][number];
export type LocalizedText = CategoryConfig["name"];
export type StorageType = (typeof STORAGE_TYPES)[number];
export type ExemptionReason = (typeof EXEMPTION_REASONS)[number];
export type GrantableConsentType = (typeof GRANTABLE_CONSENT_TYPES)[number];

/** The configuration's JSON Schema, for editors (`$schema`) and other tools. */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(configSchema, { io: "input", unrepresentable: "any" });
}
