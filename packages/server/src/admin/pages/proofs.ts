/** Proof search: by consent id or period, filters, cursor pagination, export of the same filter. */
import { DECISION_METHODS, type MacaronConfig } from "@macaron/core";
import type { StoredProof } from "../../store/ledger-store.ts";
import { dataTable, emptyState, errorSummary } from "../components.ts";
import { type FieldError, type FilterForm, filterQueryString } from "../filters.ts";
import { html, type SafeHtml } from "../html.ts";
import { type PageContext, page } from "../layout.ts";

function select(
  id: keyof FilterForm,
  label: string,
  value: string,
  options: readonly (readonly [string, string])[],
) {
  return html`<p><label for="${id}">${label}</label> <select id="${id}" name="${id}">${options.map(
    ([optionValue, optionLabel]) =>
      html`<option value="${optionValue}"${optionValue === value ? html` selected` : ""}>${optionLabel}</option>`,
  )}</select></p>`;
}

function filterForm(context: PageContext, config: MacaronConfig, form: FilterForm): SafeHtml {
  const categories = config.categories.filter((category) => category.basis === "consent");
  return html`<form method="get" action="${context.base}/proofs" class="filters" role="search" aria-label="Proofs">
<p class="wide"><label for="consentId">Consent id</label> <input id="consentId" name="consentId" value="${form.consentId}" placeholder="record or subject id" spellcheck="false" autocomplete="off"></p>
<p><label for="from">From</label> <input type="date" id="from" name="from" value="${form.from}"></p>
<p><label for="to">To</label> <input type="date" id="to" name="to" value="${form.to}"></p>
${select("category", "Category", form.category, [["", "Any"], ...categories.map((category) => [category.id, category.id] as const)])}
${select("granted", "Choice", form.granted, [
  ["", "Any"],
  ["true", "Granted"],
  ["false", "Refused"],
])}
${select("method", "Method", form.method, [["", "Any"], ...DECISION_METHODS.map((method) => [method, method] as const)])}
<p><label for="revision">Revision</label> <input type="number" min="1" id="revision" name="revision" value="${form.revision}" inputmode="numeric"></p>
${select("language", "Language", form.language, [["", "Any"], ...config.languages.map((language) => [language, language] as const)])}
<p><button type="submit">Search</button></p>
</form>`;
}

function choices(proof: StoredProof): string {
  return Object.entries(proof.record.categories)
    .map(([id, granted]) => `${id}: ${granted ? "yes" : "no"}`)
    .join(", ");
}

export function proofsPage(
  context: PageContext,
  config: MacaronConfig,
  options: {
    readonly form: FilterForm;
    readonly errors: readonly FieldError[];
    readonly proofs: readonly StoredProof[];
    readonly nextCursor: string | null;
    readonly paged: boolean;
  },
): string {
  const { form, proofs } = options;
  const query = filterQueryString(form);
  const exports = html`<p class="exports">Download these proofs (every page):
<a href="${context.base}/export/csv${query}" download>CSV</a> ·
<a href="${context.base}/export/ndjson${query}" download>NDJSON</a> ·
<a href="${context.base}/export/iso27560.ndjson${query}" download>ISO/IEC TS 27560 records</a> ·
<a href="${context.base}/export/kantara.ndjson${query}" download>Kantara consent receipts</a></p>`;
  const results =
    proofs.length === 0
      ? emptyState(
          "No proofs match",
          query
            ? "Remove a filter or widen the period. A consent id is the visitor's record id or the subject id from their consent cookie."
            : "No proofs yet: open the site and make a choice in the banner.",
        )
      : html`${exports}${dataTable({
          caption: `Proofs, newest first (${proofs.length} on this page)`,
          head: ["Decided at (UTC)", "Record id", "Subject id", "Method", "Language", "Revision", "Choices"],
          rows: proofs.map((proof) => [
            proof.record.decidedAt,
            html`<a href="${context.base}/proofs/${encodeURIComponent(proof.record.id)}" class="hash">${proof.record.id}</a>`,
            html`<span class="hash">${proof.record.subjectId}</span>`,
            proof.record.method,
            proof.record.language,
            String(proof.record.revision),
            choices(proof),
          ]),
        })}
<nav class="pager" aria-label="Pages">
${options.paged ? html`<a href="${context.base}/proofs${query}">First page</a>` : ""}
${options.nextCursor ? html`<a href="${context.base}/proofs${filterQueryString(form, { cursor: options.nextCursor })}" rel="next">Next page</a>` : ""}
</nav>`;
  return page(context, {
    title: "Proofs",
    section: "proofs",
    body: html`${errorSummary(options.errors)}${filterForm(context, config, form)}${results}`,
  });
}
