/**
 * Errors of the policy renderer, documented in docs/errors.md. A server maps them to its JSON
 * errors by `status`; the CLI checks its arguments first and maps them to exit code 2.
 */
import { type ErrorDefinition, errorFactory } from "@macaron/core";

export const POLICY_ERRORS = {
  POLICY_LANGUAGE_UNAVAILABLE: {
    status: 404,
    message: "The cookie policy is not available in this language.",
    hint: "Ask for one of the configuration's languages that Macaron has document texts for (fr, en).",
  },
  POLICY_FORMAT_UNKNOWN: {
    status: 400,
    message: "Unknown cookie policy format.",
    hint: 'Ask for "html", "md" or "json".',
  },
} as const satisfies Record<string, ErrorDefinition>;

export const policyError = errorFactory(POLICY_ERRORS);
