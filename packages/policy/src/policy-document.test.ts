import { displayDuration, parseConfig } from "@macaron/core";
import { describe, expect, it } from "vitest";
import { seedConfig, seedInput } from "../../core/test/seed-config.ts";
import { type Block, plainText } from "./document-model.ts";
import { policyDocument } from "./policy-document.ts";
import { renderPolicy } from "./render.ts";

/** The rows of the first Markdown table after the heading `### title`, as cell texts. */
function markdownTable(markdown: string, title: string): string[][] {
  const lines = markdown.slice(markdown.indexOf(`### ${title}\n`)).split("\n");
  const start = lines.findIndex((line) => line.startsWith("| "));
  const end = lines.findIndex((line, index) => index > start && !line.startsWith("| "));
  return lines.slice(start + 2, end).map((line) =>
    line
      .slice(2, -2)
      .split(/(?<!\\) \| /)
      .map((cell) => cell.replace(/\\(.)/g, "$1").replace(/`/g, "")),
  );
}

const SEED_SECTIONS = {
  fr: [
    "Préambule",
    "Qu’est-ce qu’un cookie\u00a0?",
    "Quels cookies sont utilisés par Les Petits Prödiges\u00a0?",
    "Finalités des cookies",
    "Retrait du consentement et désactivation",
    "Mises à jour de cette politique",
  ],
  en: [
    "Preamble",
    "What is a cookie?",
    "Which cookies does Les Petits Prödiges use?",
    "Purposes of the cookies",
    "Withdrawing consent and deactivation",
    "Updates to this policy",
  ],
};

const SEED_PURPOSES = {
  fr: [
    ["Cookies strictement nécessaires", "Intérêt légitime", "Aucun consentement requis"],
    ["Mesure d’audience", "Recueil du consentement", "6 mois"],
    ["Publicité ciblée et suivi des conversions", "Recueil du consentement", "6 mois"],
    ["Réseaux sociaux", "Recueil du consentement", "6 mois"],
  ],
  en: [
    ["Strictly necessary cookies", "Legitimate interest", "No consent required"],
    ["Audience measurement", "Consent collection", "6 months"],
    ["Targeted advertising and conversion tracking", "Consent collection", "6 months"],
    ["Social networks", "Consent collection", "6 months"],
  ],
};

describe.each(["fr", "en"] as const)("the seed policy in %s", (language) => {
  const config = seedConfig();
  const markdown = renderPolicy(config, { language, format: "md" }).body;

  it("has the seed document's sections, in its order", () => {
    const document = policyDocument(config, language);
    expect(document.sections.map((section) => section.title)).toEqual(SEED_SECTIONS[language]);
    const used = document.sections[2]?.blocks.map(
      (block) => (block as Extract<Block, { kind: "subsection" }>).id,
    );
    expect(used).toEqual(["strictly-necessary", "subject-to-consent", "third-party-sites"]);
    for (const [index, title] of SEED_SECTIONS[language].entries())
      expect(markdown).toContain(`\n## ${index + 1}. ${title}\n`);
  });

  it("names the controller with its legal form, registration, address and the privacy policy", () => {
    const preamble = markdown.slice(markdown.indexOf("## 1."), markdown.indexOf("## 2."));
    for (const fact of [
      "Les Petits Prödiges",
      "CAMILLE & CLEMENTINE SAS",
      language === "fr" ? "société par actions simplifiée" : "simplified joint-stock company",
      "RCS Paris 832 784 706",
      "91 rue du Faubourg Saint Honoré, 75008 Paris, France",
      "(https://lespetitsprodiges.com/privacy-policy)",
    ])
      expect(preamble).toContain(fact);
  });

  it("lists the data that may be collected", () => {
    for (const item of config.collectedData ?? []) expect(markdown).toContain(`\n- ${item[language]}\n`);
  });

  it("has the seed's four purposes with their legal bases and consent validity", () => {
    const rows = markdownTable(markdown, language === "fr" ? "Finalités" : "Purposes");
    expect(rows.map(([, type, basis, validity]) => [type?.split(/\u00a0?:/)[0], basis, validity])).toEqual(
      SEED_PURPOSES[language],
    );
    expect(rows.map(([purpose]) => purpose)).toEqual(
      config.categories.map((category) => category.description[language]),
    );
  });

  it("lists every declared cookie with its provider, retention and party, and every service", () => {
    const rows = markdownTable(markdown, language === "fr" ? "Liste des cookies" : "List of cookies");
    for (const service of config.services) {
      for (const item of service.cookies) {
        const row = rows.find(([name]) => name?.split("<br>")[0] === (item.name ?? item.pattern));
        expect(row, item.name ?? item.pattern).toBeDefined();
        expect(row?.[1]).toContain(service.provider);
        expect(row?.[1]).toContain(service.name);
        expect(row?.[4]).toBe(displayDuration(item.retention, language));
        expect(row?.[5]).toMatch(item.domain ? new RegExp(item.domain.slice(1)) : /^(Interne|First party)/);
      }
    }
    expect(rows.find(([name]) => name === "macaron_consent")?.[4]).toBe(
      language === "fr" ? "6 mois" : "6 months",
    );
    expect(rows).toHaveLength(14);
  });

  it("offers the withdrawal link that opens the preferences, and the four browsers' help", () => {
    const manage = language === "fr" ? "Gérer les cookies" : "Manage cookies";
    expect(markdown).toContain(`<a href="#withdraw" data-macaron-open>${manage}</a>`);
    for (const browser of ["Chrome", "Firefox", "Safari", "Edge"])
      expect(markdown).toMatch(new RegExp(`\\*\\*[A-Za-z]+ ${browser}\\*\\*`));
  });

  it("states the last update date and the revision", () => {
    const document = policyDocument(config, language);
    expect(plainText(document.updated)).toBe(
      language === "fr"
        ? "Dernière mise à jour le 12 juillet 2024 (révision 1)"
        : "Last updated on 12 July 2024 (revision 1)",
    );
    expect(markdown.trimEnd().split("\n").at(-1)).toMatch(
      /révision 1, mise à jour le 12 juillet 2024|revision 1, updated on 12 July 2024/,
    );
  });
});

describe("the policy of other configurations", () => {
  it("follows the configuration: raising the revision, no date, no collected data, no consent category", () => {
    const input = seedInput();
    input.revision = 7;
    delete input.lastUpdated;
    delete input.collectedData;
    input.categories = input.categories.slice(0, 1);
    input.services = input.services.slice(0, 2);
    input.gpc = { honour: true, refuse: [] };
    const markdown = renderPolicy(parseConfig(input), { language: "en", format: "md" }).body;
    expect(markdown).toContain("\nRevision 7\n");
    expect(markdown).toContain("This version is revision 7.");
    expect(markdown).not.toContain("may collect browsing data");
    expect(markdown).toContain("Apart from strictly necessary cookies, Les Petits Prödiges uses no cookies.");
    expect(markdown).not.toContain("_ga");
  });

  it("gives the controller's e-mail address as a mail link when configured", () => {
    const input = seedInput();
    input.site.controller.email = "dpo@lespetitsprodiges.com";
    const markdown = renderPolicy(parseConfig(input), { language: "en", format: "md" }).body;
    expect(markdown).toContain(
      "You can contact Les Petits Prödiges at [dpo@lespetitsprodiges.com](mailto:dpo@lespetitsprodiges.com).",
    );
  });

  it("says a consent category's validity is the configured one", () => {
    const input = seedInput();
    input.consentValidity = "13 months";
    const markdown = renderPolicy(parseConfig(input), { language: "fr", format: "md" }).body;
    expect(markdown).toContain("| Recueil du consentement | 13 mois |");
    expect(markdown).toContain("est conservé 13 mois");
  });

  it("refuses a language the configuration does not declare, and an unknown format", () => {
    const input = seedInput();
    input.languages = ["en"];
    expect(() => renderPolicy(parseConfig(input), { language: "fr", format: "md" })).toThrow(
      /no cookie policy in "fr": available in en/,
    );
    expect(() => renderPolicy(seedConfig(), { language: "de", format: "md" })).toThrow(
      /no cookie policy in "de"/,
    );
    expect(() => renderPolicy(seedConfig(), { language: "fr", format: "pdf" as "md" })).toThrow(
      expect.objectContaining({ code: "POLICY_FORMAT_UNKNOWN" }),
    );
  });
});
