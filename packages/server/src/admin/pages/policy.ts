/** Policy revisions: their dates and hashes, a diff between two, and the live preview's entry. */
import { diffLines } from "diff";
import type { PolicyRevision } from "../../store/ledger-store.ts";
import { dataTable, emptyState, notice } from "../components.ts";
import { html, type SafeHtml } from "../html.ts";
import { type PageContext, page } from "../layout.ts";
import { readableContent } from "../revision-content.ts";

function label(revision: PolicyRevision): string {
  return `Revision ${revision.revision}, ${revision.publishedAt.slice(0, 10)} (${revision.contentHash.slice(0, 12)})`;
}

function revisionSelect(
  id: string,
  text: string,
  revisions: readonly PolicyRevision[],
  selected: string | undefined,
) {
  return html`<p><label for="${id}">${text}</label> <select id="${id}" name="${id}">${revisions.map(
    (revision) =>
      html`<option value="${revision.contentHash}"${revision.contentHash === selected ? html` selected` : ""}>${label(revision)}</option>`,
  )}</select></p>`;
}

export function diffForm(
  context: PageContext,
  revisions: readonly PolicyRevision[],
  from: string | undefined,
  to: string | undefined,
): SafeHtml {
  return html`<form method="get" action="${context.base}/policy/diff" class="filters">
${revisionSelect("from", "Compare", revisions, from)}
${revisionSelect("to", "with", revisions, to)}
<p><button type="submit">Show differences</button></p>
</form>`;
}

export function policyPage(context: PageContext, revisions: readonly PolicyRevision[]): string {
  if (revisions.length === 0) {
    return page(context, {
      title: "Policy revisions",
      section: "policy",
      body: emptyState(
        "No revision published yet",
        "The server publishes the configuration's revision when it starts: start it with your macaron.config.json.",
      ),
    });
  }
  const newestFirst = [...revisions].reverse();
  const body = html`${dataTable({
    caption: "Published revisions, newest first",
    head: ["Revision", "Published at (UTC)", "Content hash", "Notice hash per language", "Preview"],
    rows: newestFirst.map((revision) => [
      html`<span id="rev-${revision.contentHash}">${revision.revision}</span>`,
      revision.publishedAt,
      html`<span class="hash">${revision.contentHash}</span>`,
      html`${Object.entries(revision.noticeHashes).map(
        ([language, hash]) => html`<span class="hash">${language}: ${hash}</span><br>`,
      )}`,
      html`<a href="${context.base}/policy/preview?revision=${revision.contentHash}">Preview revision ${revision.revision}</a>`,
    ]),
  })}
<h2>Differences between two revisions</h2>
${
  revisions.length < 2
    ? html`<p>Only one revision has been published; raise <code>revision</code> in the configuration after a change and restart the server to compare.</p>`
    : diffForm(context, revisions, revisions.at(-2)?.contentHash, revisions.at(-1)?.contentHash)
}`;
  return page(context, { title: "Policy revisions", section: "policy", body });
}

/** Unchanged runs longer than this are folded, keeping a few lines of context around changes. */
const CONTEXT_LINES = 3;

function diffMarkup(before: string, after: string): { readonly markup: SafeHtml; readonly changes: number } {
  const parts: SafeHtml[] = [];
  let changes = 0;
  for (const change of diffLines(before, after)) {
    const lines = change.value.replace(/\n$/, "").split("\n");
    if (change.added || change.removed) {
      changes += lines.length;
      const text = lines.map((line) => `${change.added ? "+" : "-"} ${line}\n`);
      parts.push(change.added ? html`<ins>${text}</ins>` : html`<del>${text}</del>`);
    } else if (lines.length > CONTEXT_LINES * 2 + 1) {
      const folded = lines.length - CONTEXT_LINES * 2;
      parts.push(
        html`${lines.slice(0, CONTEXT_LINES).map((line) => `  ${line}\n`)}<span class="fold">  … ${folded} unchanged lines …\n</span>${lines.slice(-CONTEXT_LINES).map((line) => `  ${line}\n`)}`,
      );
    } else parts.push(html`${lines.map((line) => `  ${line}\n`)}`);
  }
  return { markup: html`${parts}`, changes };
}

export function policyDiffPage(
  context: PageContext,
  revisions: readonly PolicyRevision[],
  from: PolicyRevision,
  to: PolicyRevision,
): string {
  const { markup, changes } = diffMarkup(readableContent(from), readableContent(to));
  const body = html`${diffForm(context, revisions, from.contentHash, to.contentHash)}
<h2>${label(from)} → ${label(to)}</h2>
${
  changes === 0
    ? notice("info", "These two revisions serve the same content.")
    : html`<p>${changes} changed lines: removed lines start with “-”, added lines with “+”.</p>
<pre class="diff" role="region" aria-label="Differences" tabindex="0">${markup}</pre>`
}
<p><a href="${context.base}/policy">Back to the revisions</a></p>`;
  return page(context, { title: "Policy differences", section: "policy", body });
}
