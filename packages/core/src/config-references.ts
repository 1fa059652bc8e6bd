/**
 * Rules that need the whole configuration: unique ids, references between sections, one exact
 * name or pattern per item, and a text in every declared language.
 */

import type { LocalizedText, MacaronConfig } from "./config-schema.ts";
import { formatPath, type Issue, issue, type PathSegment } from "./issues.ts";
import { hasBuiltInTexts, TEXT_KEYS } from "./texts.ts";

function duplicates(
  values: readonly string[],
  pathOf: (index: number) => PathSegment[],
  what: string,
): Issue[] {
  const firstIndex = new Map<string, number>();
  const issues: Issue[] = [];
  values.forEach((value, index) => {
    const first = firstIndex.get(value);
    if (first === undefined) firstIndex.set(value, index);
    else
      issues.push(
        issue(
          "error",
          "duplicate_id",
          pathOf(index),
          `duplicate ${what} "${value}" (also at ${formatPath(pathOf(first))})`,
          "a unique id",
        ),
      );
  });
  return issues;
}

function localizedTexts(config: MacaronConfig): [PathSegment[], LocalizedText][] {
  const texts: [PathSegment[], LocalizedText][] = [];
  if (config.site.controller.legalForm)
    texts.push([["site", "controller", "legalForm"], config.site.controller.legalForm]);
  config.collectedData?.forEach((item, index) => {
    texts.push([["collectedData", index], item]);
  });
  config.categories.forEach((category, index) => {
    texts.push(
      [["categories", index, "name"], category.name],
      [["categories", index, "description"], category.description],
    );
    if (category.legalBasis) texts.push([["categories", index, "legalBasis"], category.legalBasis]);
  });
  config.services.forEach((service, index) => {
    texts.push([["services", index, "purposes"], service.purposes]);
    service.cookies.forEach((item, itemIndex) => {
      texts.push([["services", index, "cookies", itemIndex, "description"], item.description]);
    });
  });
  return texts;
}

function languageIssues(config: MacaronConfig): Issue[] {
  const issues: Issue[] = duplicates(config.languages, (index) => ["languages", index], "language");
  const declared = config.languages.join(", ");
  if (config.defaultLanguage !== undefined && !config.languages.includes(config.defaultLanguage)) {
    issues.push(
      issue(
        "error",
        "unknown_language",
        ["defaultLanguage"],
        `"${config.defaultLanguage}" is not one of the declared languages (${declared})`,
        `one of ${declared}`,
      ),
    );
  }
  for (const [path, text] of localizedTexts(config)) {
    for (const language of config.languages) {
      if (text[language] === undefined) {
        issues.push(
          issue(
            "error",
            "missing_translation",
            [...path, language],
            `missing the "${language}" text: every declared language (${declared}) needs one`,
            "a non-empty text",
          ),
        );
      }
    }
    for (const language of Object.keys(text)) {
      if (!config.languages.includes(language)) {
        issues.push(
          issue(
            "warning",
            "undeclared_language",
            [...path, language],
            `text in "${language}", which is not a declared language (${declared}): it is never shown`,
          ),
        );
      }
    }
  }
  for (const language of Object.keys(config.texts)) {
    if (!config.languages.includes(language)) {
      issues.push(
        issue(
          "warning",
          "undeclared_language",
          ["texts", language],
          `texts for "${language}", which is not a declared language (${declared}): they are never shown`,
        ),
      );
    }
  }
  for (const language of config.languages) {
    if (hasBuiltInTexts(language)) continue;
    const missing = TEXT_KEYS.filter((key) => config.texts[language]?.[key] === undefined);
    if (missing.length > 0) {
      issues.push(
        issue(
          "error",
          "missing_translation",
          ["texts", language],
          `Macaron has no built-in "${language}" texts: give every one of them (missing: ${missing.join(", ")})`,
          `texts.${language} with ${missing.join(", ")}`,
        ),
      );
    }
  }
  return issues;
}

function itemKey(item: {
  type: string;
  name?: string | undefined;
  pattern?: string | undefined;
  domain?: string | undefined;
}): string {
  return `${item.type} ${item.name ?? item.pattern} ${(item.domain ?? "").replace(/^\./, "")}`;
}

function serviceIssues(config: MacaronConfig): Issue[] {
  const categoryIds = config.categories.map((category) => category.id);
  const issues: Issue[] = duplicates(
    config.services.map((service) => service.id),
    (index) => ["services", index, "id"],
    "service id",
  );
  const itemPaths = new Map<string, PathSegment[]>();
  config.services.forEach((service, index) => {
    if (!categoryIds.includes(service.category)) {
      issues.push(
        issue(
          "error",
          "unknown_category",
          ["services", index, "category"],
          `unknown category "${service.category}"; expected one of: ${categoryIds.join(", ")}`,
          `one of ${categoryIds.join(", ")}`,
        ),
      );
    }
    service.cookies.forEach((item, itemIndex) => {
      const path: PathSegment[] = ["services", index, "cookies", itemIndex];
      if ((item.name === undefined) === (item.pattern === undefined)) {
        issues.push(
          issue(
            "error",
            "name_or_pattern",
            path,
            'give exactly one of "name" (exact) or "pattern" (with *)',
            'either "name" or "pattern"',
          ),
        );
        return;
      }
      if (item.domain !== undefined && item.type !== "cookie") {
        issues.push(
          issue(
            "error",
            "domain_on_storage",
            [...path, "domain"],
            `only cookies have a domain; ${item.type} belongs to the page's origin`,
          ),
        );
      }
      const key = itemKey(item);
      const first = itemPaths.get(key);
      if (first) {
        issues.push(
          issue(
            "error",
            "duplicate_item",
            path,
            `${item.type} "${item.name ?? item.pattern}" is declared twice (first at ${formatPath(first)})`,
            "each item declared once",
          ),
        );
      } else {
        itemPaths.set(key, path);
      }
    });
  });
  return issues;
}

function categoryIssues(config: MacaronConfig): Issue[] {
  const issues = duplicates(
    config.categories.map((category) => category.id),
    (index) => ["categories", index, "id"],
    "category id",
  );
  config.categories.forEach((category, index) => {
    if (category.basis === "exempt" && category.exemption === undefined) {
      issues.push(
        issue(
          "error",
          "missing_exemption",
          ["categories", index, "exemption"],
          "an exempt category must say why it needs no consent",
          `one of the exemption reasons, e.g. "strictly-necessary"`,
        ),
      );
    }
    if (category.basis === "consent" && category.exemption !== undefined) {
      issues.push(
        issue(
          "error",
          "exemption_on_consent",
          ["categories", index, "exemption"],
          'only a category with basis "exempt" has an exemption reason',
        ),
      );
    }
  });
  const refusals = config.gpc.refuse ?? [];
  refusals.forEach((id, index) => {
    const category = config.categories.find((candidate) => candidate.id === id);
    if (!category) {
      issues.push(
        issue(
          "error",
          "unknown_category",
          ["gpc", "refuse", index],
          `unknown category "${id}"`,
          `one of ${config.categories.map((c) => c.id).join(", ")}`,
        ),
      );
    } else if (category.basis === "exempt") {
      issues.push(
        issue(
          "error",
          "gpc_refuses_exempt",
          ["gpc", "refuse", index],
          `"${id}" is exempt (always on): a privacy signal cannot switch it off`,
          "a consent category",
        ),
      );
    }
  });
  return issues;
}

export function referenceIssues(config: MacaronConfig): Issue[] {
  return [...languageIssues(config), ...categoryIssues(config), ...serviceIssues(config)];
}
