/** A stored policy revision row back to the `PolicyRevision` callers see (both stores use these columns). */
import type { PolicyRevision } from "./ledger-store.ts";

export const REVISION_FIELDS = "revision, content_hash, content, notice_hashes, published_at";

export interface RevisionRow {
  readonly revision: number;
  readonly content_hash: string;
  readonly content: string;
  readonly notice_hashes: string;
  readonly published_at: string;
}

export function policyRevision(row: RevisionRow): PolicyRevision {
  return {
    revision: row.revision,
    contentHash: row.content_hash,
    content: row.content,
    noticeHashes: JSON.parse(row.notice_hashes) as Record<string, string>,
    publishedAt: row.published_at,
  };
}
