import { readFileSync } from "node:fs";
import { displayDuration, parseConfig } from "@macaron/core";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { seedConfig, seedInput } from "../../core/test/seed-config.ts";
import { DECLARATION_SCHEMA_FILE, declarationSchemaText } from "../scripts/write-json-schema.ts";
import { cookieDeclaration } from "./declaration.ts";
import { renderPolicy } from "./render.ts";

// The formats the schema uses, checked as a consumer of the declaration would (ajv-formats' rules, in short).
const validateDeclaration = new Ajv2020({ strict: false, allErrors: true })
  .addFormat("uri", (text: string) => URL.canParse(text))
  .addFormat("date", /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
  .compile(JSON.parse(readFileSync(DECLARATION_SCHEMA_FILE, "utf8")));

describe("the cookie declaration of the seed configuration", () => {
  for (const language of ["fr", "en"]) {
    it(`lists every declared service and cookie, and Macaron's own, with its retention (${language})`, () => {
      const config = seedConfig();
      const declaration = cookieDeclaration(config, language);
      expect(declaration.services.map((service) => service.id).sort()).toEqual(
        [...config.services.map((service) => service.id), "macaron"].sort(),
      );
      const declared = config.services.flatMap((service) =>
        service.cookies.map((item) => ({
          service: service.id,
          name: item.name ?? item.pattern,
          retention: item.retention,
        })),
      );
      expect(declaration.cookies).toHaveLength(declared.length + 1);
      for (const item of declared) {
        const found = declaration.cookies.find((cookie) => (cookie.name ?? cookie.pattern) === item.name);
        expect(found, item.name).toMatchObject({
          service: item.service,
          retention: { text: displayDuration(item.retention, language) },
        });
      }
      expect(declaration.cookies.find((cookie) => cookie.name === "macaron_consent")).toMatchObject({
        category: "necessary",
        party: "first",
        retention: {
          text: language === "fr" ? "6 mois" : "6 months",
          duration: { amount: 6, unit: "month" },
        },
      });
    });
  }

  it("keeps the seed's four purposes, legal bases and consent validity", () => {
    const purposes = cookieDeclaration(seedConfig(), "en").purposes;
    expect(
      purposes.map((purpose) => [
        purpose.category,
        purpose.legalBasis,
        purpose.consentValidity?.text ?? null,
      ]),
    ).toEqual([
      ["necessary", "Legitimate interest", null],
      ["analytics", "Consent collection", "6 months"],
      ["advertising", "Consent collection", "6 months"],
      ["social", "Consent collection", "6 months"],
    ]);
  });

  it("tells first-party cookies (the site's domain) from third-party ones", () => {
    const input = seedInput();
    input.services[1].cookies.push({
      name: "lpp_theme",
      domain: ".lespetitsprodiges.com",
      retention: "1 year",
      description: { fr: "Thème.", en: "Theme." },
    });
    input.services[1].cookies.push({
      type: "localStorage",
      name: "lpp_recent",
      retention: "30 days",
      description: { fr: "Produits récents.", en: "Recent products." },
    });
    const party = (name: string) =>
      cookieDeclaration(parseConfig(input), "en").cookies.find((c) => c.name === name)?.party;
    expect([party("_ga"), party("lpp_theme"), party("lpp_recent")]).toEqual(["first", "first", "first"]);
    expect([party("IDE"), party("fr"), party("mid")]).toEqual(["third", "third", "third"]);
  });

  it("orders cookies by category, as the purposes table does", () => {
    const categories = cookieDeclaration(seedConfig(), "fr").cookies.map((cookie) => cookie.category);
    expect([...new Set(categories)]).toEqual(["necessary", "analytics", "advertising", "social"]);
  });
});

describe("the published JSON Schema of the cookie declaration", () => {
  it("is up to date with the schema in code (run `npm run schema --workspace=packages/policy` after changing it)", () => {
    expect(readFileSync(DECLARATION_SCHEMA_FILE, "utf8")).toBe(declarationSchemaText());
  });

  it("accepts the JSON output for the seed configuration, in both languages", () => {
    for (const language of ["fr", "en"]) {
      const output = JSON.parse(renderPolicy(seedConfig(), { language, format: "json" }).body);
      expect(validateDeclaration(output), JSON.stringify(validateDeclaration.errors)).toBe(true);
    }
  });

  it("accepts a minimal configuration's output, and refuses a cookie without retention or a site without URL", () => {
    const input = seedInput();
    input.languages = ["en"];
    delete input.lastUpdated;
    delete input.collectedData;
    delete input.site.controller.legalForm;
    for (const category of input.categories) {
      delete category.legalBasis;
      for (const key of ["name", "description"]) delete category[key].fr;
    }
    for (const service of input.services) {
      delete service.purposes.fr;
      for (const item of service.cookies) delete item.description.fr;
    }
    const output = JSON.parse(renderPolicy(parseConfig(input), { language: "en", format: "json" }).body);
    expect(validateDeclaration(output), JSON.stringify(validateDeclaration.errors)).toBe(true);
    const withoutRetention = structuredClone(output);
    delete withoutRetention.cookies[3].retention;
    expect(validateDeclaration(withoutRetention)).toBe(false);
    expect(validateDeclaration({ ...output, site: { ...output.site, url: "not a url" } })).toBe(false);
  });
});
