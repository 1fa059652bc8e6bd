/** The terminal summary: findings first, then the states, then one table per category. */
import { lifetimeText } from "./lifetime-text.ts";
import type { ReportItem, ScanReport } from "./report-model.ts";

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) =>
    Math.min(60, Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return cell.length > width ? `${cell.slice(0, width - 1)}…` : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)];
}

function itemRow(item: ReportItem): string[] {
  return [
    item.type === "cookie" ? item.name : `${item.name} (${item.type})`,
    item.domain,
    item.thirdParty ? "3rd" : "1st",
    lifetimeText(item.askedLifetime),
    item.type === "cookie" ? lifetimeText(item.storedLifetime) : "-",
    item.classifiedBy,
    item.seen.map((seen) => seen.state).join(","),
    item.setter,
  ];
}

export function renderText(report: ScanReport): string {
  const lines: string[] = [];
  const { summary } = report;
  const pages = Math.max(...report.states.map((state) => state.pages.length), 0);
  lines.push(
    `Macaron scan of ${report.url} (site ${report.site}): ${report.states.length} states, up to ${pages} pages each, Chromium ${report.browser.version}, third-party cookies allowed`,
  );
  lines.push("");
  lines.push(
    `Findings: ${summary.errors} error${summary.errors === 1 ? "" : "s"}, ${summary.warnings} warning${summary.warnings === 1 ? "" : "s"}`,
  );
  for (const finding of report.findings) {
    const where = [finding.state ? `[${finding.state}]` : "", finding.page ?? ""].filter(Boolean).join(" ");
    lines.push(`  ${finding.severity.toUpperCase()} ${finding.kind}${where ? ` ${where}` : ""}`);
    lines.push(`    ${finding.message}`);
    if (finding.setter !== "unknown") lines.push(`    set by: ${finding.setter}`);
    lines.push(`    rule: ${finding.rule}`);
    lines.push(`    fix: ${finding.fix}`);
  }
  lines.push("");
  lines.push("States:");
  for (const state of report.states) {
    const problems = state.pages.filter((page) => page.status !== "ok");
    const status = state.reached ? "reached" : `NOT REACHED: ${state.reason ?? ""}`;
    lines.push(
      `  ${state.state.padEnd(8)} ${status}, ${state.pages.length} page(s)${problems.length ? `, ${problems.length} skipped` : ""}`,
    );
    for (const page of problems)
      lines.push(`    skipped ${page.url}: ${page.status}${page.detail ? ` (${page.detail})` : ""}`);
  }
  const categories = [...new Set(report.items.map((item) => item.category))].sort();
  for (const category of categories) {
    const items = report.items.filter((item) => item.category === category);
    lines.push("");
    lines.push(`Category ${category} (${items.length})`);
    lines.push(
      ...table(
        ["name", "domain / origin", "party", "asked", "kept", "classified by", "states", "set by"],
        items.map(itemRow),
      ).map((line) => `  ${line}`),
    );
  }
  if (report.refusedCookies.length > 0) {
    lines.push("");
    lines.push("Refused by the browser (never stored):");
    for (const refused of report.refusedCookies)
      lines.push(
        `  ${refused.name} (${refused.domain}) [${refused.state}]: ${refused.reasons.join(", ")}, from ${refused.setter}`,
      );
  }
  lines.push("");
  lines.push(
    `Third-party requests: ${summary.thirdPartyRequests} distinct, ${summary.trackerRequests} to trackers`,
  );
  return lines.join("\n");
}
