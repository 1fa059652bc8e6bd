/**
 * The cookie declaration: the policy's facts as structured data in one language (who controls
 * the site, each purpose with its legal basis and consent validity, each service, each cookie with
 * its provider, purpose, retention and party). It is the JSON output of `macaron policy`, and the
 * HTML and Markdown documents are written from it, so the three can never disagree. Its JSON
 * Schema (`schema/cookie-declaration.schema.json`) is generated from the schema below.
 */
import {
  declaredServices,
  domainMatches,
  EXEMPTION_REASONS,
  localize,
  type MacaronConfig,
  noticeFor,
  parseDuration,
  STORAGE_TYPES,
} from "@macaron/core";
import { z } from "zod";

export const COOKIE_DECLARATION_VERSION = 1;

const DURATION_UNITS = ["minute", "hour", "day", "week", "month", "year"] as const;

const durationSchema = z.union([
  z.literal("session").meta({ description: "Deleted when the browser session ends." }),
  z.strictObject({ amount: z.number().int().positive(), unit: z.enum(DURATION_UNITS) }),
]);

const shownDuration = z
  .strictObject({
    text: z.string().min(1).meta({ description: "As the document shows it, in its language." }),
    duration: durationSchema,
  })
  .meta({ description: "A duration, as shown and as data." });

const absoluteUrl = z.url({ protocol: /^https?$/ });

export const cookieDeclarationSchema = z
  .strictObject({
    version: z.literal(COOKIE_DECLARATION_VERSION),
    language: z.string().regex(/^[a-z]{2,3}$/),
    site: z.strictObject({
      name: z.string().min(1),
      url: absoluteUrl,
      privacyPolicyUrl: absoluteUrl,
      cookiePolicyUrl: absoluteUrl,
      controller: z.strictObject({
        name: z.string().min(1),
        legalForm: z.string().min(1).optional(),
        registration: z.string().min(1).optional(),
        address: z.string().min(1),
        email: z.string().min(1).optional(),
      }),
    }),
    revision: z.number().int().positive(),
    lastUpdated: z.iso.date().optional(),
    consentValidity: shownDuration.meta({ description: "How long a decision, accept or refuse, is kept." }),
    collectedData: z
      .array(z.string().min(1))
      .meta({ description: "Data the site may collect through cookies." }),
    purposes: z.array(
      z.strictObject({
        category: z.string().min(1),
        name: z.string().min(1),
        description: z.string().min(1),
        basis: z.enum(["exempt", "consent"]),
        exemption: z.enum(EXEMPTION_REASONS).optional(),
        legalBasis: z.string().min(1),
        consentRequired: z.boolean(),
        consentValidity: shownDuration.nullable().meta({ description: "null: no consent required." }),
        services: z.array(z.string().min(1)).meta({ description: "Ids of the services of this purpose." }),
      }),
    ),
    services: z.array(
      z.strictObject({
        id: z.string().min(1),
        name: z.string().min(1),
        provider: z.string().min(1),
        category: z.string().min(1),
        purposes: z.string().min(1),
        privacyPolicyUrl: absoluteUrl.optional(),
        hosts: z.array(z.string().min(1)),
      }),
    ),
    cookies: z.array(
      z.strictObject({
        type: z.enum(STORAGE_TYPES),
        name: z.string().min(1).optional(),
        pattern: z.string().min(1).optional().meta({ description: "'*' matches any text." }),
        domain: z.string().min(1).optional(),
        party: z.enum(["first", "third"]),
        service: z.string().min(1),
        provider: z.string().min(1),
        category: z.string().min(1),
        purpose: z.string().min(1),
        retention: shownDuration,
      }),
    ),
  })
  .meta({
    title: "Macaron cookie declaration",
    description: "A site's cookie policy as data, in one language: `macaron policy --format json`.",
  });

export type CookieDeclaration = z.output<typeof cookieDeclarationSchema>;
export type DeclaredCookie = CookieDeclaration["cookies"][number];
export type DeclaredPurpose = CookieDeclaration["purposes"][number];

/** The declaration's JSON Schema, published as `schema/cookie-declaration.schema.json`. */
export function cookieDeclarationJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(cookieDeclarationSchema, { io: "output" });
}

function shown(text: string, display: string): z.output<typeof shownDuration> {
  const duration = parseDuration(text);
  // Validation accepted every duration of the configuration: this only guards direct callers.
  if (duration === undefined)
    throw new TypeError(`not a duration: "${text}" (validate the configuration first)`);
  return { text: display, duration };
}

/** The site's hosts: its URL's and its configured origins'. */
function siteHosts(config: MacaronConfig): string[] {
  return [config.site.url, ...(config.site.origins ?? [])].map((address) => new URL(address).hostname);
}

/**
 * First party: set on the site's own domain (no domain declared, or a domain the site's host is
 * in, such as `.shop.example` for `www.shop.example`); browser storage is always the site's own.
 */
function party(type: string, domain: string | undefined, hosts: readonly string[]): "first" | "third" {
  if (type !== "cookie" || domain === undefined) return "first";
  return hosts.some((host) => domainMatches(domain, host)) ? "first" : "third";
}

/** The cookie declaration of a validated configuration in one of its languages. */
export function cookieDeclaration(config: MacaronConfig, language: string): CookieDeclaration {
  const notice = noticeFor(config, language);
  const services = declaredServices(config);
  const absolute = (address: string) => new URL(address, config.site.url).href;
  const hosts = siteHosts(config);
  const { controller } = config.site;
  const categoryOrder = config.categories.map((category) => category.id);
  const byCategory = <T extends { category: string }>(items: T[]) =>
    items
      .map((item, index) => ({ item, index }))
      .sort(
        (a, b) =>
          categoryOrder.indexOf(a.item.category) - categoryOrder.indexOf(b.item.category) ||
          a.index - b.index,
      )
      .map(({ item }) => item);
  const consentValidity = shown(config.consentValidity, notice.consentValidity);

  return {
    version: COOKIE_DECLARATION_VERSION,
    language,
    site: {
      name: config.site.name,
      url: absolute(config.site.url),
      privacyPolicyUrl: absolute(config.site.privacyPolicyUrl),
      cookiePolicyUrl: absolute(config.site.cookiePolicyUrl),
      controller: {
        name: controller.name,
        ...(controller.legalForm ? { legalForm: localize(controller.legalForm, language) } : {}),
        ...(controller.registration ? { registration: controller.registration } : {}),
        address: controller.address,
        ...(controller.email ? { email: controller.email } : {}),
      },
    },
    revision: config.revision,
    ...(config.lastUpdated ? { lastUpdated: config.lastUpdated } : {}),
    consentValidity,
    collectedData: (config.collectedData ?? []).map((item) => localize(item, language)),
    purposes: notice.categories.map((category, index) => {
      const configured = config.categories[index];
      return {
        category: category.id,
        name: category.name,
        description: category.description,
        basis: category.basis,
        ...(configured?.exemption ? { exemption: configured.exemption } : {}),
        legalBasis: category.legalBasis,
        consentRequired: category.basis === "consent",
        consentValidity: category.basis === "consent" ? consentValidity : null,
        services: notice.services
          .filter((service) => service.category === category.id)
          .map((service) => service.id),
      };
    }),
    services: byCategory(
      notice.services.map((service, index) => ({
        id: service.id,
        name: service.name,
        provider: service.provider,
        category: service.category,
        purposes: service.purposes,
        ...(service.privacyPolicyUrl ? { privacyPolicyUrl: absolute(service.privacyPolicyUrl) } : {}),
        hosts: [...(services[index]?.hosts ?? [])],
      })),
    ),
    cookies: byCategory(
      notice.services.flatMap((service, serviceIndex) =>
        service.cookies.map((item, itemIndex) => ({
          type: item.type as DeclaredCookie["type"],
          ...(item.name === undefined ? {} : { name: item.name }),
          ...(item.pattern === undefined ? {} : { pattern: item.pattern }),
          ...(item.domain === undefined ? {} : { domain: item.domain }),
          party: party(item.type, item.domain, hosts),
          service: service.id,
          provider: service.provider,
          category: service.category,
          purpose: item.description,
          retention: shown(
            services[serviceIndex]?.cookies[itemIndex]?.retention ?? item.retention,
            item.retention,
          ),
        })),
      ),
    ),
  };
}
