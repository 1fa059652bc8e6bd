/**
 * The policy's two tables, as the seed lays them out: the purposes (purpose, type of cookie, legal
 * basis, consent validity) and the cookies (name or pattern, provider, category, purpose,
 * retention, first or third party).
 */
import type { CookieDeclaration, DeclaredCookie } from "./declaration.ts";
import type { Block, Inline } from "./document-model.ts";
import { plainText } from "./document-model.ts";
import { fill } from "./template.ts";
import type { PolicyTexts } from "./texts.ts";

export interface TableContext {
  readonly declaration: CookieDeclaration;
  readonly texts: PolicyTexts;
}

const code = (text: string): Inline => ({ kind: "code", text });

export function cookieName(cookie: DeclaredCookie): string {
  return cookie.name ?? cookie.pattern ?? "";
}

export function servicesOf(declaration: CookieDeclaration, category: string) {
  return declaration.services.filter((service) => service.category === category);
}

export function serviceNames(declaration: CookieDeclaration, category: string): string {
  return servicesOf(declaration, category)
    .map((service) => service.name)
    .join(", ");
}

export function purposesTable({ declaration, texts }: TableContext): Block {
  return {
    kind: "table",
    id: "purposes-table",
    columns: [texts.columnPurpose, texts.columnType, texts.columnLegalBasis, texts.columnValidity],
    rowHeaders: false,
    rows: declaration.purposes.map((purpose) => {
      const services = serviceNames(declaration, purpose.category);
      return [
        [purpose.description],
        services === "" ? [purpose.name] : fill(texts.typeOfCookie, { category: purpose.name, services }),
        [purpose.legalBasis],
        [purpose.consentValidity === null ? texts.noConsentRequired : purpose.consentValidity.text],
      ];
    }),
  };
}

export function cookieTable({ declaration, texts }: TableContext): Block {
  const categoryName = new Map(declaration.purposes.map((purpose) => [purpose.category, purpose.name]));
  const serviceById = new Map(declaration.services.map((service) => [service.id, service]));
  return {
    kind: "table",
    id: "cookies-table",
    columns: [
      texts.columnName,
      texts.columnProvider,
      texts.columnCategory,
      texts.columnPurpose,
      texts.columnRetention,
      texts.columnParty,
    ],
    rowHeaders: true,
    rows: declaration.cookies.map((cookie) => {
      const service = serviceById.get(cookie.service);
      const name: Inline[] = [code(cookieName(cookie))];
      if (cookie.pattern !== undefined) name.push({ kind: "break" }, texts.pattern);
      if (cookie.type !== "cookie") name.push({ kind: "break" }, cookie.type);
      const provider: Inline[] = [
        cookie.provider,
        { kind: "break" },
        ...fill(texts.service, { service: service?.name ?? cookie.service }),
      ];
      if (service?.privacyPolicyUrl) {
        const text = plainText(fill(texts.serviceHelp, { service: service.name }));
        provider.push({ kind: "break" }, { kind: "link", text, href: service.privacyPolicyUrl });
      }
      const party =
        cookie.party === "first" || cookie.domain === undefined
          ? [texts.firstParty]
          : fill(texts.thirdParty, { domain: cookie.domain.replace(/^\./, "") });
      return [
        name,
        provider,
        [categoryName.get(cookie.category) ?? cookie.category],
        [cookie.purpose],
        [cookie.retention.text],
        party,
      ];
    }),
  };
}
