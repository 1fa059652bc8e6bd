/** What a visitor was shown in one language: banner and dialog texts, categories, services, cookies. */
import type { ClientNotice } from "@macaron/core";
import { dataTable } from "../components.ts";
import { html, type SafeHtml } from "../html.ts";

export function noticeView(notice: ClientNotice, choices?: Readonly<Record<string, boolean>>): SafeHtml {
  const { texts } = notice;
  return html`<dl class="record">
<dt>Banner title</dt><dd>${texts.bannerTitle}</dd>
<dt>Banner text</dt><dd>${texts.bannerText}</dd>
<dt>Buttons</dt><dd>${texts.acceptAll} · ${texts.rejectAll} · ${texts.customize}</dd>
<dt>Dialog title</dt><dd>${texts.preferencesTitle}</dd>
<dt>Dialog text</dt><dd>${texts.preferencesText.replace("{validity}", notice.consentValidity)}</dd>
<dt>Consent validity</dt><dd>${notice.consentValidity}</dd>
<dt>Cookie policy</dt><dd>${notice.site.cookiePolicyUrl}</dd>
</dl>
${dataTable({
  caption: `Categories shown (${notice.language})`,
  head: choices
    ? ["Category", "Legal basis", "Description", "Visitor's choice"]
    : ["Category", "Legal basis", "Description"],
  rows: notice.categories.map((category) => {
    const row = [category.name, category.legalBasis, category.description];
    if (choices) {
      const choice = choices[category.id];
      row.push(
        choice === undefined
          ? category.basis === "exempt"
            ? "always on"
            : "not recorded"
          : choice
            ? "granted"
            : "refused",
      );
    }
    return row;
  }),
})}
${dataTable({
  caption: `Services and their storage (${notice.language})`,
  head: ["Service", "Provider", "Category", "Item", "Retention", "Description"],
  rows: notice.services.flatMap((service) =>
    service.cookies.map((item) => [
      service.name,
      service.provider,
      service.category,
      html`<code>${item.name ?? item.pattern ?? ""}</code> (${item.type})`,
      item.retention,
      item.description,
    ]),
  ),
})}`;
}
