/** One proof: the record, the chain link that seals it, and the policy revision the visitor saw. */
import type { PolicyRevision, StoredProof } from "../../store/ledger-store.ts";
import type { ChainCheck } from "../chain-check.ts";
import { dataTable, notice } from "../components.ts";
import { html, type SafeHtml } from "../html.ts";
import { type PageContext, page } from "../layout.ts";
import { revisionNotice } from "../revision-content.ts";
import { noticeView } from "./notice-view.ts";

function field(label: string, value: SafeHtml | string | number | null | undefined): SafeHtml {
  return html`<dt>${label}</dt><dd>${value === null || value === undefined || value === "" ? "–" : value}</dd>`;
}

function revisionSection(
  context: PageContext,
  proof: StoredProof,
  revision: PolicyRevision | undefined,
): SafeHtml {
  if (revision === undefined)
    return notice("error", `The policy revision ${proof.policyHash} this proof points to is not stored.`);
  const shown = revisionNotice(revision, proof.record.language);
  const noticeMatches = revision.noticeHashes[proof.record.language] === proof.record.noticeHash;
  return html`<dl class="record">
${field("Revision", html`<a href="${context.base}/policy#rev-${revision.contentHash}">${revision.revision}</a>`)}
${field("Published at", revision.publishedAt)}
${field("Content hash", html`<span class="hash">${revision.contentHash}</span>`)}
</dl>
${
  noticeMatches
    ? notice(
        "ok",
        `The record's notice hash is the hash of what this revision shows in “${proof.record.language}”.`,
      )
    : notice(
        "error",
        `The record's notice hash does not match this revision's texts in “${proof.record.language}”.`,
      )
}
${shown ? noticeView(shown, proof.record.categories) : notice("error", `This revision has no texts in “${proof.record.language}”.`)}`;
}

export function proofDetailPage(
  context: PageContext,
  proof: StoredProof,
  revision: PolicyRevision | undefined,
  chain: ChainCheck,
): string {
  const { record } = proof;
  const consentMode = Object.entries(record.signals.consentMode ?? {})
    .map(([type, value]) => `${type}: ${value}`)
    .join(", ");
  const body = html`<p><a href="${context.base}/proofs?consentId=${encodeURIComponent(record.subjectId)}">All decisions of this subject</a></p>
<section aria-labelledby="record"><h2 id="record">Record</h2>
<dl class="record">
${field("Record id", html`<span class="hash">${record.id}</span>`)}
${field("Subject id", html`<span class="hash">${record.subjectId}</span>`)}
${field("Decided at", record.decidedAt)}
${field("Expires at", record.expiresAt)}
${field("Received at", proof.receivedAt)}
${field("Method", record.method)}
${field("Shown in", record.uiLayer)}
${field("Language", record.language)}
${field("Revision", record.revision)}
${field("Notice hash", html`<span class="hash">${record.noticeHash}</span>`)}
${field("Origin", record.origin)}
${field("SDK version", record.sdkVersion)}
${field("Global Privacy Control", record.signals.gpc ? "on" : "off")}
${field("Consent Mode", consentMode)}
${field("Pseudonymised IP", proof.ipHash ? html`<span class="hash">${proof.ipHash}</span>` : "")}
${field("User agent", proof.userAgent)}
</dl>
${dataTable({
  caption: "Choices",
  head: ["Category or service", "Choice"],
  rows: [
    ...Object.entries(record.categories).map(([id, granted]) => [id, granted ? "granted" : "refused"]),
    ...Object.entries(record.services ?? {}).map(([id, granted]) => [
      `service ${id}`,
      granted ? "granted" : "refused",
    ]),
  ],
})}
</section>
<section aria-labelledby="chain"><h2 id="chain">Hash chain</h2>
${
  chain.verifies
    ? notice(
        "ok",
        "This proof verifies: its hash is recomputed from its content and the previous proof's hash, and the proofs either side link to it.",
      )
    : notice("error", `This proof does NOT verify: ${chain.reason ?? "its seal is broken"}.`)
}
<dl class="record">
${field("Position", proof.seq)}
${field("Previous hash", html`<span class="hash">${proof.prevHash}</span>`)}
${field("Stored hash", html`<span class="hash">${proof.hash}</span>`)}
${field("Recomputed hash", html`<span class="hash">${chain.recomputed}</span>`)}
</dl>
</section>
<section aria-labelledby="revision"><h2 id="revision">What the visitor was shown</h2>
${revisionSection(context, proof, revision)}
</section>`;
  return page(context, {
    title: `Proof of ${record.decidedAt.slice(0, 10)} (${record.id.slice(0, 8)})`,
    section: "proofs",
    body,
  });
}
