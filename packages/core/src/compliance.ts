/**
 * Compliance rules: set-ups that break the law are refused (errors), risky ones are flagged
 * (warnings). Sources: CNIL, délibération n° 2020-091 (guidelines) and n° 2020-092
 * (recommendation) on cookies; EDPB guidelines 05/2020 on consent.
 */

import type { MacaronConfig } from "./config-schema.ts";
import { formatDuration, isLongerThan, parseDuration, THIRTEEN_MONTHS } from "./duration.ts";
import { type Issue, issue, type PathSegment } from "./issues.ts";
import { type KnownVendor, knownItemFor, knownVendorForHost } from "./knowledge-base.ts";

/** Category ids that name tracking purposes: never strictly necessary. */
const TRACKING_CATEGORY_IDS = new Set([
  "analytics",
  "statistics",
  "advertising",
  "marketing",
  "ads",
  "social",
  "tracking",
]);
const AUDIENCE_MEASUREMENT_IDS = new Set(["analytics", "statistics"]);
const THIRTEEN_MONTHS_TEXT = formatDuration(THIRTEEN_MONTHS, "en");

function validityIssues(config: MacaronConfig): Issue[] {
  const validity = parseDuration(config.consentValidity);
  if (validity === "session") {
    return [
      issue(
        "error",
        "validity_session",
        ["consentValidity"],
        "a decision must be kept for a fixed time so that a refusal is not asked again at every visit",
        `a duration of at most ${THIRTEEN_MONTHS_TEXT}, such as "6 months"`,
      ),
    ];
  }
  if (validity !== undefined && isLongerThan(validity, THIRTEEN_MONTHS)) {
    return [
      issue(
        "error",
        "validity_too_long",
        ["consentValidity"],
        `a decision may be kept at most ${THIRTEEN_MONTHS_TEXT} (CNIL); got "${config.consentValidity}"`,
        `a duration of at most ${THIRTEEN_MONTHS_TEXT}, such as "6 months"`,
      ),
    ];
  }
  return [];
}

function bannerIssues(config: MacaronConfig): Issue[] {
  const issues: Issue[] = [];
  const buttons = config.banner.buttons;
  const needs = [
    [
      "reject",
      'refusing must be as easy as accepting: the first layer needs a "reject" button (CNIL 2020-092, art. 2)',
    ],
    ["accept", 'the first layer needs an "accept" button'],
  ] as const;
  for (const [button, why] of needs) {
    if (!buttons.includes(button))
      issues.push(
        issue("error", "missing_button", ["banner", "buttons"], why, `buttons including "${button}"`),
      );
  }
  buttons.forEach((button, index) => {
    if (buttons.indexOf(button) !== index)
      issues.push(
        issue("error", "duplicate_button", ["banner", "buttons", index], `"${button}" appears twice`),
      );
  });
  if (!buttons.includes("customize")) {
    issues.push(
      issue(
        "warning",
        "missing_button",
        ["banner", "buttons"],
        'without "customize" the visitor cannot choose per purpose from the first layer',
      ),
    );
  }
  return issues;
}

/** The host of an http(s) URL; core has no URL class (no DOM, no Node). */
function hostOf(url: string): string {
  return url
    .replace(/^https?:\/\//, "")
    .replace(/[/:].*$/, "")
    .toLowerCase();
}

function trackerVendor(
  config: MacaronConfig,
  serviceIndex: number,
): { vendor: KnownVendor; evidence: string } | undefined {
  const service = config.services[serviceIndex];
  if (!service) return undefined;
  const siteHost = hostOf(config.site.url);
  for (const item of service.cookies) {
    const name = item.name ?? item.pattern ?? "";
    const known = knownItemFor({ type: item.type, name, domain: item.domain ?? siteHost });
    if (known && known.vendor.category !== "necessary")
      return { vendor: known.vendor, evidence: `${item.type} "${name}"` };
  }
  for (const host of service.hosts) {
    const vendor = knownVendorForHost(host);
    if (vendor && vendor.category !== "necessary") return { vendor, evidence: `host "${host}"` };
  }
  return undefined;
}

function exemptCategoryIssues(config: MacaronConfig): Issue[] {
  const issues: Issue[] = [];
  config.categories.forEach((category, index) => {
    if (category.basis !== "exempt") {
      if (category.preselected === true) {
        issues.push(
          issue(
            "error",
            "preselected_consent",
            ["categories", index, "preselected"],
            `"${category.id}" needs consent: it must start switched off (pre-ticked boxes are not consent: CJEU C-673/17 Planet49)`,
            "false or absent",
          ),
        );
      }
      return;
    }
    const audienceMeasurement = category.exemption === "audience-measurement";
    if (
      TRACKING_CATEGORY_IDS.has(category.id) &&
      !(audienceMeasurement && AUDIENCE_MEASUREMENT_IDS.has(category.id))
    ) {
      issues.push(
        issue(
          "error",
          "tracker_exempt",
          ["categories", index, "basis"],
          `"${category.id}" is a tracking purpose: it needs consent and cannot be exempt`,
          '"consent"',
        ),
      );
    }
  });
  config.services.forEach((service, index) => {
    const category = config.categories.find((candidate) => candidate.id === service.category);
    if (category?.basis !== "exempt") return;
    const tracker = trackerVendor(config, index);
    if (!tracker) return;
    const exemptable =
      tracker.vendor.audienceMeasurementExemptable === true && category.exemption === "audience-measurement";
    if (!exemptable) {
      issues.push(
        issue(
          "error",
          "tracker_exempt",
          ["services", index, "category"],
          `${tracker.evidence} belongs to ${tracker.vendor.name} (${tracker.vendor.category}): it needs consent and cannot be in the exempt category "${category.id}"`,
          "a consent category",
        ),
      );
    }
  });
  return issues;
}

function retentionIssues(config: MacaronConfig): Issue[] {
  const issues: Issue[] = [];
  config.services.forEach((service, index) => {
    const category = config.categories.find((candidate) => candidate.id === service.category);
    service.cookies.forEach((item, itemIndex) => {
      const retention = parseDuration(item.retention);
      if (retention === undefined || !isLongerThan(retention, THIRTEEN_MONTHS)) return;
      const path: PathSegment[] = ["services", index, "cookies", itemIndex, "retention"];
      const name = item.name ?? item.pattern;
      if (category?.exemption === "audience-measurement") {
        issues.push(
          issue(
            "error",
            "exempt_measurement_too_long",
            path,
            `"${name}" lives ${item.retention}: exempt audience measurement requires cookies of at most ${THIRTEEN_MONTHS_TEXT} (CNIL)`,
            `at most ${THIRTEEN_MONTHS_TEXT}`,
          ),
        );
      } else {
        issues.push(
          issue(
            "warning",
            "retention_over_13_months",
            path,
            `"${name}" lives ${item.retention}, longer than the ${THIRTEEN_MONTHS_TEXT} the CNIL recommends; shorten it in the provider’s settings where it allows`,
          ),
        );
      }
    });
  });
  return issues;
}

function otherIssues(config: MacaronConfig): Issue[] {
  const issues: Issue[] = [];
  if (!config.categories.some((category) => category.basis === "exempt")) {
    issues.push(
      issue(
        "error",
        "no_exempt_category",
        ["categories"],
        'the consent cookie itself is strictly necessary: declare a category with basis "exempt" to hold it',
        'a category with basis "exempt"',
      ),
    );
  }
  if (config.consentMode.enabled && config.consentMode.mode === "advanced") {
    issues.push(
      issue(
        "warning",
        "consent_mode_advanced",
        ["consentMode", "mode"],
        'Consent Mode "advanced" loads Google tags before consent and sends them cookieless pings; "basic" loads nothing before consent',
      ),
    );
  }
  return issues;
}

/** Compliance issues of a configuration that passed the schema. */
export function complianceIssues(config: MacaronConfig): Issue[] {
  return [
    ...validityIssues(config),
    ...bannerIssues(config),
    ...exemptCategoryIssues(config),
    ...retentionIssues(config),
    ...otherIssues(config),
  ];
}
