/**
 * Problems found in a configuration or a request, each naming the exact path of the field
 * (`services[2].cookies[0].retention`) and saying what was expected.
 */
import type { z } from "zod";

export type IssueSeverity = "error" | "warning";

export interface Issue {
  /** Where: `services[2].cookies[0].retention`; empty for the whole file. */
  readonly path: string;
  /** What is wrong, in one sentence a site owner understands. */
  readonly message: string;
  /** What would be accepted, when that can be said briefly. */
  readonly expected?: string;
  readonly severity: IssueSeverity;
  /** A stable code for tools: `invalid_type`, `validity_too_long`, … */
  readonly code: string;
}

export type PathSegment = string | number;

export function formatPath(segments: readonly PathSegment[]): string {
  let path = "";
  for (const segment of segments) {
    if (typeof segment === "number") path += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) path += path === "" ? segment : `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

export function issue(
  severity: IssueSeverity,
  code: string,
  path: readonly PathSegment[],
  message: string,
  expected?: string,
): Issue {
  return expected === undefined
    ? { path: formatPath(path), message, severity, code }
    : { path: formatPath(path), message, expected, severity, code };
}

const TYPE_NAMES: Record<string, string> = {
  string: "a text",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  record: 'an object (for texts: one per language, { "fr": "…", "en": "…" })',
};

function boundText(bound: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const limit = "minimum" in bound ? bound.minimum : bound.maximum;
  const small = bound.code === "too_small";
  const comparison = small
    ? bound.inclusive
      ? "at least"
      : "more than"
    : bound.inclusive
      ? "at most"
      : "less than";
  switch (bound.origin) {
    case "number":
    case "int":
      return `a number ${comparison} ${limit}`;
    case "string":
      return `a text of ${comparison} ${limit} character${limit === 1 ? "" : "s"}`;
    case "array":
      return `a list of ${comparison} ${limit} item${limit === 1 ? "" : "s"}`;
    default:
      return `a value ${comparison} ${limit}`;
  }
}

/** Turns one schema issue into a Issue a site owner can act on. */
export function fromSchemaIssue(schemaIssue: z.core.$ZodIssue): Issue[] {
  const path = schemaIssue.path.filter((segment): segment is PathSegment => typeof segment !== "symbol");
  switch (schemaIssue.code) {
    case "unrecognized_keys":
      return schemaIssue.keys.map((key) =>
        issue("error", "unknown_field", [...path, key], `unknown field "${key}" (a typo?)`),
      );
    case "invalid_type": {
      const expected = TYPE_NAMES[schemaIssue.expected] ?? `a ${schemaIssue.expected}`;
      const missing = schemaIssue.input === undefined;
      return [
        issue(
          "error",
          missing ? "missing_field" : "invalid_type",
          path,
          missing ? `required field is missing: expected ${expected}` : `expected ${expected}`,
          expected,
        ),
      ];
    }
    case "invalid_value": {
      const expected = `one of ${schemaIssue.values.map((value) => JSON.stringify(value)).join(", ")}`;
      return [issue("error", "invalid_value", path, `expected ${expected}`, expected)];
    }
    case "too_small":
    case "too_big": {
      const expected = boundText(schemaIssue);
      return [issue("error", schemaIssue.code, path, `expected ${expected}`, expected)];
    }
    default:
      return [issue("error", schemaIssue.code, path, schemaIssue.message)];
  }
}
