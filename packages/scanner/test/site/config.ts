/** The test site's configuration: the base every page shares, plus the page's services. */
import { configSchema, type MacaronConfig } from "@macaron/core";

const text = (en: string) => ({ en });

/**
 * Parsed for structure only (not `validateConfig`): some pages declare what validation refuses
 * (a tracker in the exempt category), which is exactly what the scanner must report.
 */
export function siteConfig(services: readonly unknown[]): MacaronConfig {
  return configSchema.parse({
    site: {
      name: "Test shop",
      url: "https://www.shop.test",
      controller: { name: "Test Shop SAS", address: "1 rue de l'Essai, 75000 Paris" },
      privacyPolicyUrl: "/privacy",
    },
    revision: 1,
    consentValidity: "6 months",
    languages: ["en"],
    categories: [
      {
        id: "necessary",
        basis: "exempt",
        exemption: "strictly-necessary",
        name: text("Necessary"),
        description: text("Needed."),
      },
      {
        id: "analytics",
        basis: "consent",
        name: text("Analytics"),
        description: text("Audience measurement."),
      },
      { id: "advertising", basis: "consent", name: text("Advertising"), description: text("Targeted ads.") },
      { id: "social", basis: "consent", name: text("Social"), description: text("Social networks.") },
    ],
    services,
  });
}
