/**
 * Which category an observed item belongs to, in a fixed order: the site's configuration (exact
 * name, then pattern, then a service's hosts), Macaron's knowledge base, the user's Open Cookie
 * Database, the category of the third party that holds or set it; otherwise unknown. Only the
 * configuration's exempt categories and documented necessary vendors make an item exempt: nothing
 * guessed ever does.
 */
import {
  type CategoryConfig,
  CONSENT_COOKIE_NAME,
  declaredServices,
  type KnownVendor,
  knownItemFor,
  knownVendorForHost,
  type MacaronConfig,
  matchesStorageItem,
  type ObservedStorageItem,
  type ServiceConfig,
  type StorageItemConfig,
} from "@macaron/core";

export type ClassificationSource = "config" | "knowledge-base" | "open-cookie-database" | "host" | "unknown";

export interface Classification {
  readonly category: string;
  readonly source: ClassificationSource;
  readonly exempt: boolean;
  /** The declaring service (config) or the vendor (knowledge base, database, host). */
  readonly service?: string;
  /** The configuration's rule that matched, for declared items. */
  readonly rule?: StorageItemConfig;
  /** The vendor's documented retention, when known. */
  readonly documentedRetention?: string;
}

export interface ObservedForClassification extends ObservedStorageItem {
  /** Hosts the item belongs to or came from: its domain's or origin's host (third party), its setter's. */
  readonly hosts: readonly string[];
}

export interface Classifier {
  classify(item: ObservedForClassification): Classification;
  /** By host alone (the knowledge base's vendor hosts), for items a configuration cannot declare. */
  classifyHost(hosts: readonly string[]): Classification;
  /** Every configured rule, with its service, for "declared but never seen". */
  readonly declared: readonly { readonly service: ServiceConfig; readonly rule: StorageItemConfig }[];
}

function hostMatches(suffix: string, host: string): boolean {
  const bare = suffix.replace(/^\*\./, "").toLowerCase();
  return host === bare || host.endsWith(`.${bare}`);
}

export function createClassifier(
  config: MacaronConfig | undefined,
  databaseVendors: readonly KnownVendor[] = [],
): Classifier {
  const services = config ? declaredServices(config) : [];
  const categories = new Map<string, CategoryConfig>((config?.categories ?? []).map((c) => [c.id, c]));
  const declared = services.flatMap((service) => service.cookies.map((rule) => ({ service, rule })));
  const exact = declared.filter(({ rule }) => rule.name !== undefined);
  const patterns = declared.filter(({ rule }) => rule.name === undefined);
  const exemptCategory = (id: string) => categories.get(id)?.basis === "exempt";

  const fromVendor = (
    vendor: KnownVendor,
    source: ClassificationSource,
    retention?: string,
  ): Classification => ({
    category: vendor.category,
    source,
    exempt: vendor.category === "necessary",
    service: vendor.id,
    ...(retention === undefined || retention === "unknown" ? {} : { documentedRetention: retention }),
  });

  return {
    declared,
    classify(item) {
      const configured =
        exact.find(({ rule }) => matchesStorageItem(rule, item)) ??
        patterns.find(({ rule }) => matchesStorageItem(rule, item));
      if (configured) {
        return {
          category: configured.service.category,
          source: "config",
          exempt: exemptCategory(configured.service.category),
          service: configured.service.id,
          rule: configured.rule,
        };
      }
      if (!config && item.type === "cookie" && item.name === CONSENT_COOKIE_NAME) {
        // Without a configuration, Macaron's own consent cookie is still Macaron's: it stores the choice.
        return { category: "necessary", source: "knowledge-base", exempt: true, service: "macaron" };
      }
      const hostService = services.find((service) =>
        service.hosts.some((suffix) => item.hosts.some((host) => hostMatches(suffix, host))),
      );
      if (hostService) {
        return {
          category: hostService.category,
          source: "config",
          // A host says who, not that an unlisted item is needed: never exempt on that ground.
          exempt: false,
          service: hostService.id,
        };
      }
      const known = knownItemFor(item);
      if (known) return fromVendor(known.vendor, "knowledge-base", known.item.retention);
      const listed = knownItemFor(item, databaseVendors);
      if (listed) return fromVendor(listed.vendor, "open-cookie-database", listed.item.retention);
      return this.classifyHost(item.hosts);
    },
    classifyHost(hosts) {
      for (const host of hosts) {
        const vendor = knownVendorForHost(host);
        if (vendor) return { ...fromVendor(vendor, "host"), exempt: false };
      }
      return { category: "unknown", source: "unknown", exempt: false };
    },
  };
}

/** A known tracker item (analytics, advertising or social) the configuration declares exempt. */
export function trackerDeclaredExempt(item: ObservedStorageItem): KnownVendor | undefined {
  const known = knownItemFor(item);
  return known && known.vendor.category !== "necessary" && known.vendor.category !== "functional"
    ? known.vendor
    : undefined;
}
