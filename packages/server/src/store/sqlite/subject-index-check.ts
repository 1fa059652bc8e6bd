/**
 * Part of `verify` on SQLite: every proof must be found by its subject id. The FTS5 subject index
 * (migration 2) is made of ordinary rows that SQL can delete, unlike a B-tree index, so a proof
 * dropped from it would vanish from its visitor's history with the chain still intact. One
 * statement, about 3 s per million proofs on the development VM: fine for `macaron verify`, not for
 * a request handler.
 */
import type Database from "better-sqlite3";
import type { ChainBreak } from "../ledger-store.ts";
import { isIndexedSubject } from "../proof-filter.ts";

/** The first proof in (`afterSeq`, `headSeq`] that the subject index does not hold under its subject. */
export function subjectIndexBreak(
  db: Database.Database,
  afterSeq: number,
  headSeq: number,
): ChainBreak | undefined {
  // One row per (token, rowid) the index holds; the tokenizer folds ASCII case, as lower() does.
  db.exec(
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.proof_subject_terms USING fts5vocab(main, proof_subjects, instance)",
  );
  const unindexed = db
    .prepare<[number, number], { seq: number; recordId: string; subjectId: string }>(
      `SELECT seq, record_id AS recordId, subject_id AS subjectId FROM proofs
       WHERE seq > ? AND seq <= ? AND (lower(subject_id), seq) NOT IN (SELECT term, doc FROM temp.proof_subject_terms)
       ORDER BY seq`,
    )
    .iterate(afterSeq, headSeq);
  for (const proof of unindexed) {
    if (!isIndexedSubject(proof.subjectId)) continue;
    return {
      seq: proof.seq,
      recordId: proof.recordId,
      reason: "the subject index does not hold it: its visitor's history would not show it",
    };
  }
  return undefined;
}
