/** Scan reports: the list (directory and uploads), the upload form, and one report's findings. */
import { dataTable, emptyState, formatCount, notice } from "../components.ts";
import { html, type SafeHtml } from "../html.ts";
import { type PageContext, page } from "../layout.ts";
import type { ScanReportView } from "../scan-report.ts";
import type { ScanReportEntry } from "../scan-reports.ts";

function uploadForm(context: PageContext, csrf: string, error: string | undefined): SafeHtml {
  return html`<form method="post" action="${context.base}/scans" class="upload" id="scan-upload">
${error ? html`<p class="notice error" role="alert" id="upload-error">${error}</p>` : ""}
<input type="hidden" name="csrf" value="${csrf}">
<p><label for="scan-file">Report file (<code>report.json</code>)</label><br>
<input type="file" id="scan-file" accept=".json,application/json" aria-describedby="scan-file-help"></p>
<p id="scan-file-help">Choosing a file fills the box below; you can also paste the report's JSON.</p>
<input type="hidden" name="name" id="scan-name" value="">
<p><label for="scan-report">Report JSON</label>
<textarea id="scan-report" name="report" rows="6" required spellcheck="false"${error ? html` aria-invalid="true" aria-describedby="upload-error"` : ""}></textarea></p>
<p><button type="submit">Show findings</button></p>
</form>`;
}

export function scansPage(
  context: PageContext,
  options: {
    readonly reports: readonly ScanReportEntry[];
    readonly directory: string | undefined;
    readonly error?: string;
  },
): string {
  const csrf = context.session?.csrfToken ?? "";
  const list =
    options.reports.length === 0
      ? emptyState(
          "No scan reports yet",
          options.directory
            ? html`Run <code>npx macaron scan https://your-site.example --out ${options.directory}/latest</code>, or upload a <code>report.json</code> below.`
            : html`Run <code>npx macaron scan https://your-site.example --format json</code> and upload its <code>report.json</code> below.`,
        )
      : dataTable({
          caption: "Scan reports, newest first",
          head: ["Report", "Source", "Date (UTC)"],
          rows: options.reports.map((report) => [
            html`<a href="${context.base}/scans/${report.id}">${report.name}</a>`,
            report.source === "upload" ? "uploaded" : "reports directory",
            report.modifiedAt,
          ]),
        });
  const body = html`${list}
<h2>Upload a report</h2>
${uploadForm(context, csrf, options.error)}`;
  return page(context, { title: "Scan reports", section: "scans", body, scripts: ["scan-upload.js"] });
}

export function scanReportPage(context: PageContext, entry: ScanReportEntry, report: ScanReportView): string {
  const counts = new Map<string, number>();
  for (const finding of report.findings)
    counts.set(finding.severity, (counts.get(finding.severity) ?? 0) + 1);
  const summary = [...counts].map(([severity, count]) => `${formatCount(count)} ${severity}`).join(", ");
  const body = html`<dl class="record">
<dt>Report</dt><dd>${entry.name}</dd>
<dt>Site</dt><dd>${report.site || "–"}</dd>
<dt>Scanned at</dt><dd>${report.scannedAt || "–"}</dd>
<dt>Findings</dt><dd>${report.findings.length === 0 ? "none" : summary}</dd>
${report.tool ? html`<dt>Scanned with</dt><dd>${report.tool}</dd>` : ""}
${report.states.length > 0 ? html`<dt>States</dt><dd>${report.states.map((state) => `${state.state}${state.reached ? "" : ` (not reached${state.reason ? `: ${state.reason}` : ""})`}`).join(", ")}</dd>` : ""}
</dl>
${report.unreadable > 0 ? notice("error", `${report.unreadable} entries of “findings” could not be read and are not shown.`) : ""}
${
  report.findings.length === 0
    ? notice(
        "ok",
        "No findings: what the site stores and requests matches its declared policy in every state scanned.",
      )
    : dataTable({
        caption: "Findings, errors first",
        head: ["Severity", "Finding", "Page", "State", "Item", "Set by", "Rule", "Fix"],
        rows: report.findings.map((finding) => [
          html`<span class="sev-${finding.severity === "error" ? "error" : "other"}">${finding.severity}</span>`,
          finding.message,
          finding.page,
          finding.state,
          html`<code>${finding.item}</code>`,
          finding.setter,
          finding.rule,
          finding.fix,
        ]),
      })
}
<p><a href="${context.base}/scans">Back to the reports</a></p>`;
  return page(context, { title: "Scan report", section: "scans", body });
}
