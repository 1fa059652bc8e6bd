/** The overview: decisions per day, acceptance per category, how visitors decided, over a period. */
import { dataTable, emptyState, errorSummary, formatCount, formatPercent } from "../components.ts";
import type { FieldError } from "../filters.ts";
import { html, jsonScript } from "../html.ts";
import { type PageContext, page } from "../layout.ts";
import { chartSeries, type OverviewData, type Share } from "../overview-data.ts";

const METHOD_LABELS: Readonly<Record<string, string>> = {
  "accept-all": "Accept all",
  "reject-all": "Reject all",
  custom: "Custom choice",
  withdraw: "Withdrawal",
  gpc: "Global Privacy Control",
  expired: "Expired",
};

function shareTable(caption: string, label: string, shares: readonly Share[], name = (key: string) => key) {
  return dataTable({
    caption,
    head: [label, "Decisions", "Share"],
    numeric: [1, 2],
    rows: shares.map((share) => [name(share.key), formatCount(share.count), formatPercent(share.percent)]),
  });
}

function periodForm(context: PageContext, data: OverviewData) {
  return html`<form method="get" action="${context.base}" class="filters">
<p><label for="from">From</label> <input type="date" id="from" name="from" value="${data.period.from}" required></p>
<p><label for="to">To</label> <input type="date" id="to" name="to" value="${data.period.to}" required></p>
<p><button type="submit">Show period</button></p>
</form>`;
}

export function overviewPage(
  context: PageContext,
  data: OverviewData,
  errors: readonly FieldError[],
  ledgerIsEmpty: boolean,
): string {
  const head = html`${errorSummary(errors)}${periodForm(context, data)}`;
  if (data.decisions === 0) {
    const body = ledgerIsEmpty
      ? emptyState(
          "No proofs yet",
          "Open the site and make a choice in the banner: each decision is stored as a proof and counted here.",
        )
      : emptyState(
          "No decisions in this period",
          `Choose a wider period above; the ledger holds proofs outside ${data.period.from} – ${data.period.to}.`,
        );
    return page(context, { title: "Overview", section: "overview", body: html`${head}${body}` });
  }
  const accept = data.methods.find((share) => share.key === "accept-all");
  const reject = data.methods.find((share) => share.key === "reject-all");
  const custom = data.methods.find((share) => share.key === "custom");
  const body = html`${head}
<dl class="totals">
<div><dt>Decisions</dt><dd id="total-decisions">${formatCount(data.decisions)}</dd></div>
<div><dt>Accept all</dt><dd>${formatPercent(accept?.percent ?? 0)}</dd></div>
<div><dt>Reject all</dt><dd>${formatPercent(reject?.percent ?? 0)}</dd></div>
<div><dt>Custom</dt><dd>${formatPercent(custom?.percent ?? 0)}</dd></div>
</dl>
${jsonScript("chart-data", chartSeries(data))}
<section aria-labelledby="per-day">
<h2 id="per-day">Decisions per day</h2>
<div class="chart" data-chart="decisions" role="img" aria-label="Chart of decisions per day from ${data.period.from} to ${data.period.to}; the table below lists the same numbers."></div>
<details><summary>Decisions per day as a table</summary>
${dataTable({
  caption: "Decisions per day",
  head: ["Day", "Decisions", "Accept all", "Reject all", "Custom"],
  numeric: [1, 2, 3, 4],
  rows: data.days.map((row) => [
    row.day,
    formatCount(row.decisions),
    formatCount(row.methods["accept-all"]),
    formatCount(row.methods["reject-all"]),
    formatCount(row.methods.custom),
  ]),
})}
</details>
</section>
<section aria-labelledby="acceptance">
<h2 id="acceptance">Acceptance rate per category</h2>
<div class="chart" data-chart="acceptance" role="img" aria-label="Chart of the daily acceptance rate of each consent category; the tables below list the same numbers."></div>
${dataTable({
  caption: "Acceptance over the period",
  head: ["Category", "Granted", "Acceptance rate"],
  numeric: [1, 2],
  rows: data.categoryTotals.map((total) => [
    data.categories.find((category) => category.id === total.key)?.name ?? total.key,
    formatCount(total.count),
    formatPercent(total.percent),
  ]),
})}
<details><summary>Acceptance rate per day as a table</summary>
${dataTable({
  caption: "Acceptance rate per category and day",
  head: ["Day", ...data.categories.map((category) => category.name)],
  numeric: data.categories.map((_, index) => index + 1),
  rows: data.days.map((row) => [
    row.day,
    ...data.categories.map((category) => formatPercent(row.rates[category.id] ?? null)),
  ]),
})}
</details>
</section>
<section aria-labelledby="methods">
<h2 id="methods">How visitors decided</h2>
${shareTable("Decisions by method", "Method", data.methods, (key) => METHOD_LABELS[key] ?? key)}
</section>
<section aria-labelledby="breakdowns">
<h2 id="breakdowns">By language and by policy revision</h2>
<div class="pair">
${shareTable("Decisions by language", "Language", data.languages)}
${shareTable("Decisions by policy revision", "Revision", data.revisions)}
</div>
</section>`;
  return page(context, {
    title: "Overview",
    section: "overview",
    body,
    styles: ["uPlot.min.css"],
    scripts: ["uPlot.iife.min.js", "charts.js"],
  });
}
