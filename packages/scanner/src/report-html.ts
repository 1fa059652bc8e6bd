/**
 * `report.html`: a standalone evidence document (no external resource): method, browser, user agent,
 * configuration hash, scanner version, times, one screenshot per state, and every table. Every
 * string from the site is escaped.
 */
import type { ScanState } from "./banner.ts";
import { lifetimeText } from "./lifetime-text.ts";
import type { ScanReport } from "./report-model.ts";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

function tableHtml(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean)[])[],
): string {
  if (rows.length === 0) return "<p>None.</p>";
  const head = header.map((title) => `<th>${escapeHtml(title)}</th>`).join("");
  const body = rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(String(cell))}</td>`).join("")}</tr>`)
    .join("\n");
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem;font-size:13px}th,td{border:1px solid #ccc;padding:.25rem .4rem;text-align:left;vertical-align:top;word-break:break-word}
th{background:#f3f3f3}.error{color:#a30000;font-weight:600}.warning{color:#8a5a00;font-weight:600}
figure{display:inline-block;margin:0 1rem 1rem 0;max-width:45%}figure img{max-width:100%;border:1px solid #ccc}dt{font-weight:600}dd{margin:0 0 .4rem 0}`;

export function renderHtml(report: ScanReport, screenshots: Partial<Record<ScanState, Buffer>> = {}): string {
  const { summary } = report;
  const method: [string, string][] = [
    ["Scanned URL", report.url],
    ["Site (registrable domain)", report.site],
    ["Started", report.startedAt],
    ["Finished", report.finishedAt],
    ["Scanner", `${report.scanner.name} ${report.scanner.version}`],
    ["Browser", `${report.browser.name} ${report.browser.version}`],
    ["User agent", report.browser.userAgent],
    [
      "Configuration",
      report.config ? `${report.config.path ?? "(given)"}, SHA-256 ${report.config.sha256}` : "none given",
    ],
    ["Third-party cookies", "allowed in the scan profile"],
    [
      "Bounds",
      `${report.method.maxPages} pages, depth ${report.method.maxDepth}, quiet window ${report.method.quietMs} ms, page timeout ${report.method.timeoutSeconds} s`,
    ],
    ["Method", report.method.description],
    [
      "Knowledge base",
      `${report.knowledgeBase.builtInVendors} built-in vendors${report.knowledgeBase.openCookieDatabase ? `, ${report.knowledgeBase.openCookieDatabase.vendors} from ${report.knowledgeBase.openCookieDatabase.file}` : ""}`,
    ],
  ];
  const figures = report.states
    .map((state) => {
      const shot = screenshots[state.state];
      const caption = `${state.state}: ${state.reached ? "reached" : `not reached (${state.reason ?? ""})`}`;
      return shot
        ? `<figure><img alt="${escapeHtml(`Screenshot, state ${state.state}`)}" src="data:image/jpeg;base64,${shot.toString("base64")}"><figcaption>${escapeHtml(caption)}</figcaption></figure>`
        : `<figure><figcaption>${escapeHtml(caption)} (no screenshot)</figcaption></figure>`;
    })
    .join("\n");
  const findings = report.findings.length
    ? `<table><thead><tr><th>Severity</th><th>Kind</th><th>State</th><th>Page</th><th>Item</th><th>Set by</th><th>Rule</th><th>Fix</th></tr></thead><tbody>
${report.findings
  .map(
    (finding) =>
      `<tr><td class="${finding.severity}">${escapeHtml(finding.severity)}</td><td>${escapeHtml(finding.kind)}</td><td>${escapeHtml(finding.state ?? "")}</td><td>${escapeHtml(finding.page ?? "")}</td><td>${escapeHtml(finding.message)}</td><td>${escapeHtml(finding.setter)}</td><td>${escapeHtml(finding.rule)}</td><td>${escapeHtml(finding.fix)}</td></tr>`,
  )
  .join("\n")}
</tbody></table>`
    : "<p>No findings.</p>";
  const categories = [...new Set(report.items.map((item) => item.category))].sort();
  const itemTables = categories
    .map((category) => {
      const rows = report.items
        .filter((item) => item.category === category)
        .map((item) => [
          item.type,
          item.name,
          item.domain,
          item.thirdParty ? "third" : "first",
          lifetimeText(item.askedLifetime),
          item.type === "cookie" ? lifetimeText(item.storedLifetime) : "",
          [
            item.httpOnly ? "HttpOnly" : "",
            item.secure ? "Secure" : "",
            item.sameSite ?? "",
            item.partitionKey ? `Partitioned (${item.partitionKey})` : "",
          ]
            .filter(Boolean)
            .join(" "),
          item.classifiedBy + (item.service ? ` (${item.service})` : ""),
          item.seen.map((seen) => `${seen.state}: ${seen.page}`).join("; "),
          item.setter,
        ]);
      return `<h3>${escapeHtml(category)}</h3>\n${tableHtml(["Type", "Name", "Domain / origin", "Party", "Asked lifetime", "Kept lifetime", "Flags", "Classified by", "Seen", "Set by"], rows)}`;
    })
    .join("\n");
  const states = report.states
    .map(
      (state) =>
        `<h3>${escapeHtml(state.state)}</h3>${tableHtml(
          ["Page", "Depth", "Status", "Detail"],
          state.pages.map((page) => [page.url, page.depth, page.status, page.detail ?? ""]),
        )}`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(`Cookie audit of ${report.url}`)}</title>
<style>${STYLE}</style></head><body>
<h1>${escapeHtml(`Cookie audit of ${report.url}`)}</h1>
<p><strong>${summary.errors} errors, ${summary.warnings} warnings</strong>, ${summary.statesNotReached} state(s) not reached, ${summary.items} items, ${summary.thirdPartyRequests} third-party requests (${summary.trackerRequests} to trackers).</p>
<h2>Method</h2>
<dl>${method.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join("")}</dl>
<h2>Findings</h2>
${findings}
<h2>Screenshots</h2>
${figures}
<h2>Items by category</h2>
${itemTables || "<p>None.</p>"}
<h2>Cookies refused by the browser (never stored)</h2>
${tableHtml(
  ["Name", "Domain", "Reasons", "Set by", "State", "Page"],
  report.refusedCookies.map((refused) => [
    refused.name,
    refused.domain,
    refused.reasons.join(", "),
    refused.setter,
    refused.state,
    refused.page,
  ]),
)}
<h2>Third-party requests</h2>
${tableHtml(
  [
    "Host",
    "Site",
    "Type",
    "Initiator",
    "Cookies carried",
    "Beacon",
    "Pixel",
    "Vendor",
    "Category",
    "Tracker",
    "Seen",
  ],
  report.requests.map((request) => [
    request.host,
    request.site,
    request.type,
    request.initiator,
    request.carriedCookies,
    request.beacon,
    request.pixel,
    request.vendor ?? "",
    request.category,
    request.tracker,
    request.seen.map((seen) => `${seen.state}: ${seen.page}`).join("; "),
  ]),
)}
<h2>Pages per state</h2>
${states}
</body></html>
`;
}
