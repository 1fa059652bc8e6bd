/** The admin routes' query parameters, as JSON schemas Fastify checks (400 naming the parameter). */
import { DECISION_METHODS } from "@macaron/core";
import type { ProofQuery } from "../store/ledger-store.ts";

const DATE_OR_INSTANT =
  "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?$";

export const periodProperties = {
  from: { type: "string", pattern: DATE_OR_INSTANT, description: "inclusive, on decidedAt" },
  to: { type: "string", pattern: DATE_OR_INSTANT, description: "exclusive, on decidedAt" },
} as const;

export const filterProperties = {
  ...periodProperties,
  category: { type: "string", pattern: "^[a-z][a-z0-9_-]{0,39}$" },
  granted: { type: "boolean" },
  method: { type: "string", enum: [...DECISION_METHODS] },
  revision: { type: "integer", minimum: 1 },
  language: { type: "string", pattern: "^[a-z]{2,3}$" },
  consentId: { type: "string", minLength: 1, maxLength: 100 },
} as const;

export type FilterQuery = ProofQuery;

/** Only the filters that were given: the store treats a present key as a condition. */
export function proofQuery(query: FilterQuery): ProofQuery {
  const keys = Object.keys(filterProperties) as (keyof ProofQuery)[];
  return Object.fromEntries(keys.filter((key) => query[key] !== undefined).map((key) => [key, query[key]]));
}
