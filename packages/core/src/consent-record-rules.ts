/**
 * Whether a well-formed consent record is true to the configuration it claims to answer: the
 * categories and services it names exist, every consent category has an explicit yes or no, the
 * method matches the choices, and the expiry respects the configured validity.
 */
import type { MacaronConfig, ServiceConfig } from "./config-schema.ts";
import type { ConsentRecord } from "./consent-record.ts";
import { declaredServices } from "./declared-services.ts";
import { type Duration, parseDuration } from "./duration.ts";
import { type GpcPolicy, gpcPolicy } from "./gpc.ts";
import { type Issue, issue } from "./issues.ts";
import { decisionExpiry, MAX_CLOCK_SKEW_MS } from "./validity.ts";

/** What the rules derive from a configuration, once per configuration object (the ledger checks every proof against the same one). */
interface RulesContext {
  readonly categoryIds: ReadonlySet<string>;
  readonly consentIds: readonly string[];
  readonly services: ReadonlyMap<string, ServiceConfig>;
  readonly gpc: GpcPolicy;
  readonly validity: Duration | undefined;
}

const contexts = new WeakMap<MacaronConfig, RulesContext>();

function rulesContext(config: MacaronConfig): RulesContext {
  let context = contexts.get(config);
  if (context === undefined) {
    const consentIds = config.categories.filter((c) => c.basis === "consent").map((c) => c.id);
    context = {
      categoryIds: new Set(config.categories.map((category) => category.id)),
      consentIds,
      services: new Map(declaredServices(config).map((service) => [service.id, service])),
      gpc: gpcPolicy(config.gpc, consentIds),
      validity: parseDuration(config.consentValidity),
    };
    contexts.set(config, context);
  }
  return context;
}

function categoryIssues(record: ConsentRecord, config: MacaronConfig, context: RulesContext): Issue[] {
  const issues: Issue[] = [];
  for (const category of config.categories) {
    const choice = record.categories[category.id];
    if (category.basis === "consent" && choice === undefined) {
      issues.push(
        issue(
          "error",
          "implicit_refusal",
          ["categories", category.id],
          `no choice for "${category.id}": refusals must be explicit (false)`,
          "true or false",
        ),
      );
    }
    if (category.basis === "exempt" && choice === false) {
      issues.push(
        issue(
          "error",
          "exempt_refused",
          ["categories", category.id],
          `"${category.id}" is strictly necessary and cannot be refused`,
          "true or absent",
        ),
      );
    }
  }
  for (const id of Object.keys(record.categories)) {
    if (!context.categoryIds.has(id)) {
      issues.push(
        issue(
          "error",
          "unknown_category",
          ["categories", id],
          `unknown category "${id}" in revision ${config.revision}`,
        ),
      );
    }
  }
  for (const [id, granted] of Object.entries(record.services ?? {})) {
    const service = context.services.get(id);
    if (!service) {
      issues.push(
        issue(
          "error",
          "unknown_service",
          ["services", id],
          `unknown service "${id}" in revision ${config.revision}`,
        ),
      );
    } else if (granted && record.categories[service.category] === false) {
      issues.push(
        issue(
          "error",
          "service_in_refused_category",
          ["services", id],
          `"${id}" is granted but its category "${service.category}" is refused`,
        ),
      );
    }
  }
  return issues;
}

function methodIssues(record: ConsentRecord, context: RulesContext): Issue[] {
  const { consentIds } = context;
  const granted = consentIds.filter((id) => record.categories[id] === true);
  const gpcRefused = record.signals.gpc ? context.gpc.refuse : [];
  const wrong = (expected: string) => [
    issue(
      "error",
      "method_mismatch",
      ["method"],
      `"${record.method}" does not match the choices: expected ${expected}`,
    ),
  ];
  switch (record.method) {
    case "accept-all":
      return consentIds.every((id) => record.categories[id] === true || gpcRefused.includes(id))
        ? []
        : wrong("every category granted");
    case "reject-all":
    case "expired":
      return granted.length === 0 ? [] : wrong("every consent category refused");
    case "gpc":
      return record.signals.gpc && gpcRefused.every((id) => record.categories[id] === false)
        ? []
        : wrong("a Global Privacy Control signal and its categories refused");
    case "withdraw":
      return granted.length < consentIds.length ? [] : wrong("at least one category refused");
    case "custom":
      return [];
  }
}

function timeIssues(record: ConsentRecord, config: MacaronConfig, context: RulesContext, now: Date): Issue[] {
  const issues: Issue[] = [];
  const decidedAt = new Date(record.decidedAt);
  const expiresAt = new Date(record.expiresAt);
  if (decidedAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
    issues.push(issue("error", "decided_in_future", ["decidedAt"], "the decision is dated in the future"));
  }
  const { validity } = context;
  if (expiresAt.getTime() <= decidedAt.getTime()) {
    issues.push(
      issue("error", "expiry_before_decision", ["expiresAt"], "expiresAt must come after decidedAt"),
    );
  } else if (validity !== undefined && validity !== "session") {
    // One day of slack for clients that round their clock or their calendar.
    const latest = decisionExpiry(decidedAt, validity).getTime() + MAX_CLOCK_SKEW_MS;
    if (expiresAt.getTime() > latest) {
      issues.push(
        issue(
          "error",
          "expiry_beyond_validity",
          ["expiresAt"],
          `expiresAt is later than decidedAt + ${config.consentValidity}`,
          `at most ${config.consentValidity} after decidedAt`,
        ),
      );
    }
  }
  return issues;
}

/** Problems of a schema-valid record against the configuration of the revision it names. */
export function consentRecordIssues(record: ConsentRecord, config: MacaronConfig, now: Date): Issue[] {
  const context = rulesContext(config);
  const issues: Issue[] = [];
  if (record.revision !== config.revision) {
    issues.push(
      issue(
        "error",
        "revision_mismatch",
        ["revision"],
        `revision ${record.revision} is not revision ${config.revision}`,
      ),
    );
  }
  if (!config.languages.includes(record.language)) {
    issues.push(
      issue(
        "error",
        "unknown_language",
        ["language"],
        `"${record.language}" is not one of ${config.languages.join(", ")}`,
      ),
    );
  }
  if (record.method === "gpc" && record.uiLayer !== "signal") {
    issues.push(
      issue(
        "error",
        "method_mismatch",
        ["uiLayer"],
        'a "gpc" decision is made by the signal layer',
        '"signal"',
      ),
    );
  }
  return [
    ...issues,
    ...categoryIssues(record, config, context),
    ...methodIssues(record, context),
    ...timeIssues(record, config, context, now),
  ];
}
