/**
 * The policy revisions the server stands behind. At start the current configuration is published
 * (its client configuration as canonical JSON, the SHA-256 of that text, and the notice hash of
 * each language); a proof is accepted only if its revision and notice hash match one published
 * content, and it is stored pointing to that content's hash.
 */
import {
  type ClientConfig,
  type ConsentRecord,
  canonicalJson,
  clientConfig,
  formatPath,
  type Issue,
  type MacaronConfig,
  sha256Hex,
} from "@macaron/core";
import type { LedgerStore, PolicyRevision } from "./store/ledger-store.ts";

export interface PublishedPolicy {
  readonly revision: PolicyRevision;
  readonly clientConfig: ClientConfig;
  /** Strong ETag of `GET /v1/policy`: the content hash, quoted. */
  readonly etag: string;
}

/** Publishes the configuration's current revision (stored once per distinct content). */
export async function publishPolicy(
  config: MacaronConfig,
  store: Pick<LedgerStore, "publishRevision">,
): Promise<PublishedPolicy> {
  const client = await clientConfig(config);
  const content = canonicalJson(client);
  const noticeHashes = Object.fromEntries(
    Object.entries(client.notices).map(([language, notice]) => [language, notice.hash]),
  );
  const revision = await store.publishRevision({
    revision: config.revision,
    contentHash: await sha256Hex(content),
    content,
    noticeHashes,
  });
  return { revision, clientConfig: client, etag: `"${revision.contentHash}"` };
}

export type RevisionMatch =
  | { readonly ok: true; readonly revision: PolicyRevision; readonly current: boolean }
  | { readonly ok: false; readonly code: "UNKNOWN_REVISION" | "NOTICE_MISMATCH"; readonly message: string };

/** Re-reading the stored revisions (another instance may have published one) at most this often. */
const RELOAD_INTERVAL_MS = 5_000;

export class PolicyRevisions {
  readonly current: PublishedPolicy;
  readonly #store: Pick<LedgerStore, "revisions">;
  #known: readonly PolicyRevision[];
  #loadedAt = 0;

  private constructor(
    current: PublishedPolicy,
    store: Pick<LedgerStore, "revisions">,
    known: PolicyRevision[],
  ) {
    this.current = current;
    this.#store = store;
    this.#known = known;
  }

  static async publish(
    config: MacaronConfig,
    store: Pick<LedgerStore, "publishRevision" | "revisions">,
  ): Promise<PolicyRevisions> {
    const current = await publishPolicy(config, store);
    const book = new PolicyRevisions(current, store, await store.revisions());
    book.#loadedAt = Date.now();
    return book;
  }

  #find(record: Pick<ConsentRecord, "revision" | "language" | "noticeHash">): PolicyRevision | undefined {
    const current = this.current.revision;
    if (current.revision === record.revision && current.noticeHashes[record.language] === record.noticeHash)
      return current;
    return this.#known.find(
      (candidate) =>
        candidate.revision === record.revision &&
        candidate.noticeHashes[record.language] === record.noticeHash,
    );
  }

  /** The published content the record answers, or why there is none. */
  async match(record: Pick<ConsentRecord, "revision" | "language" | "noticeHash">): Promise<RevisionMatch> {
    let found = this.#find(record);
    if (found === undefined && Date.now() - this.#loadedAt > RELOAD_INTERVAL_MS) {
      this.#loadedAt = Date.now();
      this.#known = await this.#store.revisions();
      found = this.#find(record);
    }
    if (found) {
      return { ok: true, revision: found, current: found.contentHash === this.current.revision.contentHash };
    }
    const sameNumber = this.#known.some((candidate) => candidate.revision === record.revision);
    if (!sameNumber && record.revision !== this.current.revision.revision) {
      return {
        ok: false,
        code: "UNKNOWN_REVISION",
        message: `revision ${record.revision} was never published`,
      };
    }
    return {
      ok: false,
      code: "NOTICE_MISMATCH",
      message: `noticeHash is not the hash of what revision ${record.revision} shows in "${record.language}"`,
    };
  }
}

/**
 * For a proof answering an earlier content (the current one is checked against the full
 * configuration by core's `consentRecordIssues`): its categories must be that content's, with
 * every consent category decided explicitly and no exempt one refused.
 */
export function categoryIssuesAgainst(record: ConsentRecord, revision: PolicyRevision): Issue[] {
  const categories = (JSON.parse(revision.content) as Pick<ClientConfig, "categories">).categories;
  const issues: Issue[] = [];
  for (const id of Object.keys(record.categories)) {
    if (!categories.some((category) => category.id === id))
      issues.push({
        severity: "error",
        code: "unknown_category",
        path: formatPath(["categories", id]),
        message: `unknown category "${id}" in revision ${revision.revision}`,
      });
  }
  for (const category of categories) {
    const choice = record.categories[category.id];
    if (category.basis === "consent" && choice === undefined)
      issues.push({
        severity: "error",
        code: "implicit_refusal",
        path: formatPath(["categories", category.id]),
        message: `no choice for "${category.id}": refusals must be explicit (false)`,
      });
    if (category.basis === "exempt" && choice === false)
      issues.push({
        severity: "error",
        code: "exempt_refused",
        path: formatPath(["categories", category.id]),
        message: `"${category.id}" is strictly necessary and cannot be refused`,
      });
  }
  return issues;
}
