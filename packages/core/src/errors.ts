/**
 * Typed errors with stable codes. Each package keeps one catalogue (`code → status, message,
 * hint`), documented in docs/errors.md, and throws through `errorFactory(catalogue)`; the edges
 * (CLI, HTTP) map a `MacaronError` to an exit code or a JSON response. Bad input is usually
 * returned as issues, not thrown; errors are for callers that cannot be given what they asked.
 */

export interface ErrorDefinition {
  /** HTTP status for an edge that maps the error to a response. */
  readonly status: number;
  readonly message: string;
  readonly hint: string;
}

export class MacaronError extends Error {
  readonly code: string;
  readonly status: number;
  readonly hint: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: string,
    definition: ErrorDefinition,
    message?: string,
    details: Record<string, unknown> = {},
  ) {
    super(message ?? definition.message);
    this.name = "MacaronError";
    this.code = code;
    this.status = definition.status;
    this.hint = definition.hint;
    this.details = details;
  }
}

export function errorFactory<Catalogue extends Record<string, ErrorDefinition>>(catalogue: Catalogue) {
  return (
    code: keyof Catalogue & string,
    message?: string,
    details?: Record<string, unknown>,
  ): MacaronError => new MacaronError(code, catalogue[code] as ErrorDefinition, message, details);
}

export const CORE_ERRORS = {
  CONFIG_INVALID: {
    status: 400,
    message: "The configuration is invalid.",
    hint: "Run `npx macaron validate --config <file>` to see every problem with its path.",
  },
} as const satisfies Record<string, ErrorDefinition>;

export const coreError = errorFactory(CORE_ERRORS);
