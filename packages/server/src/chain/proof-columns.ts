/**
 * The columns a store keeps beside a proof's content, for its indexes and filters. They are derived
 * from the content, never trusted on their own: `verifyChain` checks they still agree with it.
 */
import type { ProofInput } from "../store/ledger-store.ts";

export interface ProofColumns {
  readonly recordId: string;
  readonly subjectId: string;
  /** `decidedAt` in UTC (`toISOString`), so text order is time order and its first 10 characters are the UTC day. */
  readonly decidedAt: string;
  /** `receivedAt` in UTC. */
  readonly receivedAt: string;
  readonly method: string;
  readonly revision: number;
  readonly language: string;
}

/** An ISO 8601 date or date-time in UTC, as `toISOString` writes it. */
export function utcInstant(text: string): string {
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw new RangeError(`not an ISO 8601 date or date-time: ${JSON.stringify(text)}`);
  return new Date(time).toISOString();
}

export function proofColumns(input: ProofInput): ProofColumns {
  const { record } = input;
  return {
    recordId: record.id,
    subjectId: record.subjectId,
    decidedAt: utcInstant(record.decidedAt),
    receivedAt: utcInstant(input.receivedAt),
    method: record.method,
    revision: record.revision,
    language: record.language,
  };
}

/** The first column whose stored value differs from the one derived from the content. */
export function columnMismatch(stored: ProofColumns, content: ProofInput): keyof ProofColumns | undefined {
  const derived = proofColumns(content);
  return (Object.keys(derived) as (keyof ProofColumns)[]).find((key) => derived[key] !== stored[key]);
}
