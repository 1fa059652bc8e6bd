/**
 * Reading a stored revision's content (the canonical client configuration the SDK was served) back
 * into what the visitor saw. The content was written by us, but it is stored data: read it
 * defensively, so one odd row shows a message instead of breaking a page.
 */
import type { ClientConfig, ClientNotice } from "@macaron/core";
import type { PolicyRevision } from "../store/ledger-store.ts";

export function revisionClientConfig(revision: PolicyRevision): ClientConfig | undefined {
  try {
    const parsed = JSON.parse(revision.content) as unknown;
    if (parsed === null || typeof parsed !== "object") return undefined;
    const notices = (parsed as { notices?: unknown }).notices;
    if (notices === null || typeof notices !== "object") return undefined;
    return parsed as ClientConfig;
  } catch {
    return undefined;
  }
}

/** The notice shown in `language` for this revision, if the revision has one. */
export function revisionNotice(revision: PolicyRevision, language: string): ClientNotice | undefined {
  const notice = revisionClientConfig(revision)?.notices[language];
  return notice && typeof notice === "object" && notice.texts ? notice : undefined;
}

/** The content pretty-printed, one property per line: what the diff compares. */
export function readableContent(revision: PolicyRevision): string {
  try {
    return `${JSON.stringify(JSON.parse(revision.content), null, 2)}\n`;
  } catch {
    return `${revision.content}\n`;
  }
}
