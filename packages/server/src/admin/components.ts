/** Small pieces of markup the pages share: tables that scroll on a phone, numbers, notices. */
import type { FieldError } from "./filters.ts";
import { html, type SafeHtml } from "./html.ts";

const COUNT = new Intl.NumberFormat("en-US");

export function formatCount(value: number): string {
  return COUNT.format(value);
}

export function formatPercent(value: number | null): string {
  return value === null ? "–" : `${value.toFixed(1)} %`;
}

type Cell = SafeHtml | string | number;

/**
 * A captioned table in a focusable scroll region, so a keyboard user can scroll a wide table on a
 * narrow screen (WCAG 2.1.1) and a screen reader hears what the region holds.
 */
export function dataTable(options: {
  readonly caption: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  readonly numeric?: readonly number[];
}): SafeHtml {
  const numeric = new Set(options.numeric ?? []);
  return html`<div class="table" role="region" aria-label="${options.caption}" tabindex="0"><table>
<caption>${options.caption}</caption>
<thead><tr>${options.head.map((label, index) => html`<th scope="col"${numeric.has(index) ? html` class="num"` : ""}>${label}</th>`)}</tr></thead>
<tbody>${options.rows.map(
    (row) =>
      html`<tr>${row.map((cell, index) =>
        index === 0
          ? html`<th scope="row">${cell}</th>`
          : html`<td${numeric.has(index) ? html` class="num"` : ""}>${cell}</td>`,
      )}</tr>`,
  )}</tbody>
</table></div>`;
}

/** An explanation where data would be, saying what to do to get some. */
export function emptyState(title: string, advice: SafeHtml | string): SafeHtml {
  return html`<div class="empty" role="status"><p><strong>${title}</strong></p><p>${advice}</p></div>`;
}

export function errorSummary(errors: readonly FieldError[]): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="error" role="alert"><p>Please correct:</p><ul>${errors.map(
    (error) => html`<li><a href="#${error.field}">${error.field}</a>: ${error.message}</li>`,
  )}</ul></div>`;
}

export function notice(kind: "ok" | "error" | "info", message: SafeHtml | string): SafeHtml {
  return html`<p class="notice ${kind}"${kind === "error" ? html` role="alert"` : ""}>${message}</p>`;
}
