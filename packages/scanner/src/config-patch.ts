/**
 * `config-patch.json`: what the configuration should declare so that the policy matches the site,
 * built from the undeclared items: new services (one per recognised vendor, one for the rest) and
 * items to add to services already declared. A proposal to review, not a configuration to apply blindly.
 */
import { KNOWN_VENDORS, knownItemFor, type MacaronConfig, type StorageItemConfig } from "@macaron/core";
import { retentionText } from "./lifetime-text.ts";
import type { ReportItem, ScanReport } from "./report-model.ts";

export interface ConfigPatch {
  readonly comment: string;
  /** Services to add to `services`. */
  readonly services: readonly {
    id: string;
    name: string;
    provider: string;
    category: string;
    purposes: Record<string, string>;
    hosts: string[];
    cookies: StorageItemConfig[];
  }[];
  /** Items to add to the `cookies` of services already declared, by service id. */
  readonly addToServices: Readonly<Record<string, StorageItemConfig[]>>;
}

const TODO = "TODO: describe what it does and why";

function storageItem(item: ReportItem, languages: readonly string[]): StorageItemConfig {
  const type = item.type === "indexedDB" ? "localStorage" : item.type;
  const known = knownItemFor({
    type,
    name: item.name,
    ...(item.type === "cookie" ? { domain: item.domain } : {}),
  });
  const purpose = known?.item.purpose;
  const description = Object.fromEntries(
    languages.map((language) => [language, language === "en" && purpose ? purpose : TODO]),
  );
  return {
    type,
    ...(known?.item.pattern ? { pattern: known.item.pattern } : { name: item.name }),
    ...(item.type === "cookie" && item.thirdParty ? { domain: item.domain } : {}),
    retention: known?.item.retention ?? retentionText(item.askedLifetime ?? item.storedLifetime ?? null),
    description,
  };
}

export function configPatch(report: ScanReport, config: MacaronConfig | undefined): ConfigPatch {
  const languages = config?.languages ?? ["en"];
  const categories = new Set(config?.categories.map((category) => category.id) ?? []);
  const declaredServices = new Set(config?.services.map((service) => service.id) ?? []);
  const services = new Map<string, ConfigPatch["services"][number]>();
  const addToServices: Record<string, StorageItemConfig[]> = {};
  for (const item of report.items) {
    if (item.declaredAs !== undefined || item.type === "indexedDB") continue;
    const vendor = KNOWN_VENDORS.find((candidate) => candidate.id === item.service);
    const entry = storageItem(item, languages);
    const serviceId = item.service ?? "undeclared";
    if (declaredServices.has(serviceId)) {
      const list = addToServices[serviceId] ?? [];
      if (!list.some((known) => (known.name ?? known.pattern) === (entry.name ?? entry.pattern)))
        list.push(entry);
      addToServices[serviceId] = list;
      continue;
    }
    let service = services.get(serviceId);
    if (!service) {
      const category = categories.has(item.category)
        ? item.category
        : item.category === "unknown"
          ? "TODO-category"
          : item.category;
      service = {
        id: serviceId,
        name: vendor?.name ?? "Undeclared items (to sort)",
        provider: vendor?.provider ?? "TODO",
        category,
        purposes: Object.fromEntries(languages.map((language) => [language, TODO])),
        hosts: [...(vendor?.hosts ?? [])],
        cookies: [],
      };
      services.set(serviceId, service);
    }
    if (!service.cookies.some((known) => (known.name ?? known.pattern) === (entry.name ?? entry.pattern)))
      service.cookies.push(entry);
  }
  return {
    comment:
      "Proposed by `macaron scan` from the items it saw and the configuration did not declare. Review each entry (category, purpose, retention) before adding it to macaron.config.json.",
    services: [...services.values()],
    addToServices,
  };
}
