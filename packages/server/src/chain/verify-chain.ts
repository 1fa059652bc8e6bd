/**
 * Recomputes a chain from its anchor: every proof's hash from its stored content, every link to the
 * previous hash, seq without gaps, the indexed columns against the content, and the last proof
 * against the recorded head (so removing the newest proofs shows too). Names the first break.
 */
import type { ChainBreak, ProofInput, VerifyResult } from "../store/ledger-store.ts";
import { columnMismatch, type ProofColumns } from "./proof-columns.ts";
import { GENESIS_HASH, proofHash } from "./proof-hash.ts";

/** A proof as a store keeps it: content text, chain fields and the indexed columns. */
export interface ChainRow extends ProofColumns {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
  readonly content: string;
}

/** A position in the chain: the anchor (last purged proof) or the head (last appended). */
export interface ChainPoint {
  readonly seq: number;
  readonly hash: string;
}

export const GENESIS: ChainPoint = { seq: 0, hash: GENESIS_HASH };

function rowBreak(row: ChainRow, expected: ChainPoint): string | undefined {
  if (row.seq !== expected.seq + 1) return `seq ${row.seq} follows seq ${expected.seq}: proofs are missing`;
  if (row.prevHash !== expected.hash) return "its prevHash is not the previous proof's hash";
  if (proofHash(row.prevHash, row.content) !== row.hash) return "its hash does not match its stored content";
  let content: ProofInput;
  try {
    content = JSON.parse(row.content) as ProofInput;
  } catch {
    return "its stored content is not JSON";
  }
  const column = columnMismatch(row, content);
  if (column !== undefined) return `its ${column} column does not match its stored content`;
  return undefined;
}

export async function verifyChain(
  anchor: ChainPoint,
  head: ChainPoint,
  rows: AsyncIterable<ChainRow> | Iterable<ChainRow>,
): Promise<VerifyResult> {
  let checked = 0;
  let previous = anchor;
  let last: ChainRow | undefined;
  for await (const row of rows) {
    const reason = rowBreak(row, previous);
    if (reason !== undefined) {
      const firstBreak: ChainBreak = { seq: row.seq, recordId: row.recordId, reason };
      return { checked, firstBreak };
    }
    checked += 1;
    previous = { seq: row.seq, hash: row.hash };
    last = row;
  }
  if (previous.seq < head.seq) {
    const reason = `proofs up to seq ${head.seq} were appended but the chain ends at seq ${previous.seq}: the newest were removed`;
    return { checked, firstBreak: { seq: previous.seq + 1, recordId: "(removed)", reason } };
  }
  if (previous.seq !== head.seq || previous.hash !== head.hash) {
    const reason = `the last proof is not the recorded chain head (seq ${head.seq})`;
    return { checked, firstBreak: { seq: previous.seq, recordId: last?.recordId ?? "(none)", reason } };
  }
  return { checked };
}
