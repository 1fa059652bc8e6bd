/** What a receipt says about the controller and the site, taken from the configuration. */
import type { MacaronConfig } from "@macaron/core";

export interface ReceiptContext {
  readonly controller: { readonly name: string; readonly address: string; readonly email?: string };
  readonly siteName: string;
  readonly siteUrl: string;
  /** Absolute URL of the privacy policy. */
  readonly privacyPolicyUrl: string;
  /** Absolute URL of the cookie policy (what the notice links to). */
  readonly cookiePolicyUrl: string;
  /** Category id → its name in the configuration's default language. */
  readonly categoryNames: Readonly<Record<string, string>>;
  /** Categories consent is asked for (the others are exempt: strictly necessary). */
  readonly consentCategories: readonly string[];
  /** Category id → the third parties (service providers other than the controller) it lets in. */
  readonly thirdParties: Readonly<Record<string, readonly string[]>>;
  /** Where the law of the receipt comes from (Kantara's `jurisdiction`): the EU's GDPR and ePrivacy rules. */
  readonly jurisdiction: string;
}

export function receiptContext(config: MacaronConfig): ReceiptContext {
  const { site } = config;
  const language = config.defaultLanguage ?? config.languages[0] ?? "en";
  // A service the site runs itself names the site or its controller as provider.
  const firstParty = new Set([site.name, site.controller.name]);
  const named = (text: Readonly<Record<string, string>>) => text[language] ?? Object.values(text)[0] ?? "";
  return {
    controller: {
      name: site.controller.name,
      address: site.controller.address,
      ...(site.controller.email === undefined ? {} : { email: site.controller.email }),
    },
    siteName: site.name,
    siteUrl: site.url,
    privacyPolicyUrl: new URL(site.privacyPolicyUrl, site.url).toString(),
    cookiePolicyUrl: new URL(site.cookiePolicyUrl, site.url).toString(),
    categoryNames: Object.fromEntries(
      config.categories.map((category) => [category.id, named(category.name)]),
    ),
    consentCategories: config.categories
      .filter((category) => category.basis === "consent")
      .map((category) => category.id),
    thirdParties: Object.fromEntries(
      config.categories.map((category) => [
        category.id,
        [
          ...new Set(
            config.services
              .filter((service) => service.category === category.id && !firstParty.has(service.provider))
              .map((service) => service.provider),
          ),
        ],
      ]),
    ),
    jurisdiction: "EU",
  };
}
