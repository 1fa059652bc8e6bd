/**
 * `validateConfig`: a configuration file's content in, either the validated configuration (with
 * warnings) or every problem found, each with its path.
 */
import { complianceIssues } from "./compliance.ts";
import { referenceIssues } from "./config-references.ts";
import { configSchema, type MacaronConfig } from "./config-schema.ts";
import { coreError } from "./errors.ts";
import { fromSchemaIssue, type Issue } from "./issues.ts";

export type ConfigValidation =
  | { readonly ok: true; readonly config: MacaronConfig; readonly warnings: readonly Issue[] }
  | { readonly ok: false; readonly errors: readonly Issue[]; readonly warnings: readonly Issue[] };

export function validateConfig(input: unknown): ConfigValidation {
  const parsed = configSchema.safeParse(input, { reportInput: true });
  if (!parsed.success)
    return { ok: false, errors: parsed.error.issues.flatMap(fromSchemaIssue), warnings: [] };
  const issues = [...referenceIssues(parsed.data), ...complianceIssues(parsed.data)];
  const errors = issues.filter((found) => found.severity === "error");
  const warnings = issues.filter((found) => found.severity === "warning");
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, config: parsed.data, warnings };
}

/** A validated configuration, or a thrown `MacaronError` listing every problem. */
export function parseConfig(input: unknown): MacaronConfig {
  const result = validateConfig(input);
  if (result.ok) return result.config;
  const lines = result.errors.map((found) => `  ${found.path || "(file)"}: ${found.message}`);
  throw coreError("CONFIG_INVALID", `invalid configuration:\n${lines.join("\n")}`, { issues: result.errors });
}
