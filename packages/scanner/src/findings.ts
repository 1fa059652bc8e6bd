/**
 * The audit: each rule a regulator applies, checked against what the states showed. Every finding
 * names its severity, state, page, item, setter, the rule and a one-line fix.
 */
import {
  approximateSeconds,
  CONSENT_COOKIE_NAME,
  type Duration,
  isLongerThan,
  type MacaronConfig,
  parseDuration,
  THIRTEEN_MONTHS,
} from "@macaron/core";
import type { ScanState } from "./banner.ts";
import { type Classifier, trackerDeclaredExempt } from "./classify.ts";
import type { Finding, FindingKind, ReportItem, ReportRequest, StateReport } from "./report-model.ts";

const RULES: Record<FindingKind, { severity: Finding["severity"]; rule: string }> = {
  "state-not-reached": {
    severity: "error",
    rule: "The audit needs every state: a state not reached is not a pass",
  },
  "item-before-consent": {
    severity: "error",
    rule: "ePrivacy art. 5(3), CNIL 2020-091 art. 2: no non-exempt storage before consent",
  },
  "tracker-before-consent": {
    severity: "error",
    rule: "ePrivacy art. 5(3), CNIL 2020-091 art. 2: no tracker contacted before consent",
  },
  "item-after-refusal": {
    severity: "error",
    rule: "CNIL 2020-091 art. 2: refusing must be as easy as accepting, and leave no tracker",
  },
  "tracker-after-refusal": {
    severity: "error",
    rule: "CNIL 2020-091 art. 2: no tracker contacted after refusal or withdrawal",
  },
  "item-after-withdrawal": {
    severity: "error",
    rule: "GDPR art. 7(3): withdrawing consent stops the processing; the refused category's items go",
  },
  "undeclared-item": {
    severity: "error",
    rule: "CNIL 2020-091 art. 3, GDPR art. 13: every cookie and its purpose are listed to the visitor",
  },
  "declared-not-seen": {
    severity: "warning",
    rule: "The cookie policy lists what the site really stores",
  },
  "lifetime-over-declared": {
    severity: "error",
    rule: "GDPR art. 13(2)(a): the stated retention is the real one",
  },
  "lifetime-over-13-months": {
    severity: "error",
    rule: "CNIL 2020-091 art. 5: trackers live at most 13 months",
  },
  "tracker-declared-necessary": {
    severity: "error",
    rule: "CNIL 2020-091 art. 5: analytics and advertising trackers are not strictly necessary",
  },
  "consent-cookie-lifetime": {
    severity: "error",
    rule: "The consent cookie lives as long as the configured consent validity, no longer",
  },
};

export function itemLabel(item: ReportItem): string {
  const where = item.partitionKey ? `${item.domain}, partitioned for ${item.partitionKey}` : item.domain;
  return `${item.type} ${item.name} (${where})`;
}

function requestLabel(request: ReportRequest): string {
  const flags = [
    request.beacon ? "beacon" : "",
    request.pixel ? "pixel" : "",
    request.carriedCookies ? "with cookies" : "",
  ]
    .filter(Boolean)
    .join(", ");
  return `request ${request.type} to ${request.host}${flags ? ` (${flags})` : ""}`;
}

function describeSeconds(seconds: number | null): string {
  if (seconds === null) return "session";
  const days = seconds / 86_400;
  return days >= 1 ? `${Math.round(days)} days` : `${Math.round(seconds / 60)} minutes`;
}

function longerThan(seconds: number | null, limit: Duration): boolean {
  if (seconds === null) return false;
  if (limit === "session") return seconds > 0;
  return seconds > approximateSeconds(limit) + 60;
}

export interface AuditInput {
  readonly config: MacaronConfig | undefined;
  readonly classifier: Classifier;
  readonly states: readonly StateReport[];
  readonly items: readonly ReportItem[];
  readonly requests: readonly ReportRequest[];
}

export function audit({ config, classifier, states, items, requests }: AuditInput): Finding[] {
  const findings: Finding[] = [];
  const add = (
    kind: FindingKind,
    fields: {
      state: ScanState | null;
      page: string | null;
      item: string;
      setter?: string;
      message: string;
      fix: string;
    },
  ) => findings.push({ ...RULES[kind], kind, setter: "unknown", ...fields });

  for (const state of states) {
    if (!state.reached) {
      add("state-not-reached", {
        state: state.state,
        page: state.pages[0]?.url ?? null,
        item: `state ${state.state}`,
        message: `The "${state.state}" state could not be reached: ${state.reason ?? "unknown reason"}`,
        fix: "Offer Accept all, Reject all and a preferences link (data-macaron-open) on every page",
      });
    }
  }

  const itemKinds: Partial<Record<ScanState, FindingKind>> = {
    none: "item-before-consent",
    reject: "item-after-refusal",
    withdraw: "item-after-withdrawal",
  };
  const trackerKinds: Partial<Record<ScanState, FindingKind>> = {
    none: "tracker-before-consent",
    reject: "tracker-after-refusal",
    withdraw: "tracker-after-refusal",
  };
  for (const item of items) {
    if (item.type === "indexedDB") continue;
    const label = itemLabel(item);
    if (!item.exempt) {
      for (const sighting of item.seen) {
        const kind = itemKinds[sighting.state];
        if (!kind) continue;
        add(kind, {
          state: sighting.state,
          page: sighting.page,
          item: label,
          setter: item.setter,
          message: `${label}, category ${item.category} (${item.classifiedBy}), is stored in the "${sighting.state}" state`,
          fix:
            sighting.state === "withdraw"
              ? `Delete ${item.name} when its category is withdrawn (declare it so the SDK removes it)`
              : `Load what sets ${item.name} only after consent to "${item.category}"`,
        });
      }
    }
    const first = item.seen[0];
    if (config && item.declaredAs === undefined) {
      add("undeclared-item", {
        state: first?.state ?? null,
        page: first?.page ?? null,
        item: label,
        setter: item.setter,
        message: `${label} is not declared in the configuration (looks like: ${item.category}, ${item.classifiedBy})`,
        fix: "Declare it in the configuration: see config-patch.json",
      });
    }
    const lifetime = item.askedLifetime !== undefined ? item.askedLifetime : item.storedLifetime;
    if (lifetime === undefined) continue;
    const asked = item.askedLifetime !== undefined ? "asks for" : "is kept for";
    if (config && item.type === "cookie" && item.name === CONSENT_COOKIE_NAME) {
      const validity = parseDuration(config.consentValidity);
      if (validity && longerThan(lifetime, validity)) {
        add("consent-cookie-lifetime", {
          state: first?.state ?? null,
          page: first?.page ?? null,
          item: label,
          setter: item.setter,
          message: `${label} ${asked} ${describeSeconds(lifetime)}, beyond the consent validity of ${config.consentValidity}`,
          fix: `Set the consent cookie's Max-Age to the consent validity (${config.consentValidity})`,
        });
      }
    } else if (item.declaredAs) {
      const declared = parseDuration(item.declaredAs.retention);
      if (declared && longerThan(lifetime, declared)) {
        add("lifetime-over-declared", {
          state: first?.state ?? null,
          page: first?.page ?? null,
          item: label,
          setter: item.setter,
          message: `${label} ${asked} ${describeSeconds(lifetime)}, longer than the declared ${item.declaredAs.retention}`,
          fix: `Shorten its lifetime to ${item.declaredAs.retention}, or declare the real retention`,
        });
      }
    }
    if (
      lifetime !== null &&
      isLongerThan({ amount: Math.floor(lifetime / 60), unit: "minute" }, THIRTEEN_MONTHS)
    ) {
      add("lifetime-over-13-months", {
        state: first?.state ?? null,
        page: first?.page ?? null,
        item: label,
        setter: item.setter,
        message: `${label} ${asked} ${describeSeconds(lifetime)}, more than 13 months`,
        fix: `Limit ${item.name} to 13 months (Max-Age=34186000 or less)`,
      });
    }
  }

  for (const request of requests) {
    if (!request.tracker) continue;
    for (const sighting of request.seen) {
      const kind = trackerKinds[sighting.state];
      if (!kind) continue;
      add(kind, {
        state: sighting.state,
        page: sighting.page,
        item: requestLabel(request),
        setter: request.initiator || "unknown",
        message: `${requestLabel(request)}, ${request.vendor ?? "unknown vendor"} (${request.category}), in the "${sighting.state}" state`,
        fix: `Load ${request.host} only after consent to "${request.category}"`,
      });
    }
  }

  if (config) {
    for (const { service, rule } of classifier.declared) {
      const category = config.categories.find((candidate) => candidate.id === service.category);
      const ruleName = rule.name ?? rule.pattern ?? "";
      const label = `${rule.type} ${ruleName}${rule.domain ? ` (${rule.domain})` : ""}`;
      const matching = items.filter(
        (item) =>
          item.service === service.id &&
          item.classifiedBy === "config" &&
          item.declaredAs !== undefined &&
          (item.declaredAs.name ?? item.declaredAs.pattern) === ruleName,
      );
      if (matching.length === 0) {
        add("declared-not-seen", {
          state: null,
          page: null,
          item: label,
          message: `${label}, declared by service ${service.id}, was never seen in any state`,
          fix: "Remove it from the configuration if the site no longer uses it",
        });
      }
      if (category?.basis === "exempt") {
        const vendor = trackerDeclaredExempt({
          type: rule.type,
          name: ruleName,
          ...(rule.domain ? { domain: rule.domain } : {}),
        });
        if (vendor) {
          const seen = matching[0]?.seen[0];
          add("tracker-declared-necessary", {
            state: seen?.state ?? null,
            page: seen?.page ?? null,
            item: label,
            setter: matching[0]?.setter ?? "unknown",
            message: `${label} belongs to ${vendor.name} (${vendor.category}) but is declared in the exempt category "${category.id}"`,
            fix: `Move service ${service.id} to a consent category (${vendor.category})`,
          });
        }
      }
    }
  }
  return findings.sort(compareFindings);
}

const KIND_ORDER = new Map<string, number>(
  RULES ? Object.keys(RULES).map((kind, index) => [kind, index]) : [],
);

function compareFindings(a: Finding, b: Finding): number {
  if (a.severity !== b.severity) return a.severity === "error" ? -1 : 1;
  return (
    (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) ||
    (a.item < b.item ? -1 : a.item > b.item ? 1 : 0) ||
    (a.state ?? "").localeCompare(b.state ?? "")
  );
}
