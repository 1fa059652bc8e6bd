/**
 * The policy document as HTML: an embeddable fragment (`<article class="macaron-policy">`), or a
 * complete page with its chrome (a header with the site's name, the language switch and a print
 * button, and a footer), hidden when printed. Every text is escaped; links are kept only for
 * http(s), mailto and in-page addresses.
 */
import type { Block, Inline, InlineContent, PolicyDocument } from "./document-model.ts";
import { plainText } from "./document-model.ts";
import { PAGE_CSS, PAGE_SCRIPT } from "./page-style.ts";
import { fill } from "./template.ts";
import { isPolicyLanguage, LANGUAGE_NAMES, POLICY_TEXTS, type PolicyLanguage } from "./texts.ts";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text safe in HTML content and in double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** The address if a link may point there (http, https, mailto, in-page), else undefined. */
export function safeHref(href: string): string | undefined {
  if (href.startsWith("#")) return href;
  try {
    return ["http:", "https:", "mailto:"].includes(new URL(href).protocol) ? href : undefined;
  } catch {
    return undefined;
  }
}

function inlineHtml(node: Inline): string {
  if (typeof node === "string") return escapeHtml(node);
  switch (node.kind) {
    case "code":
      return `<code>${escapeHtml(node.text)}</code>`;
    case "strong":
      return `<strong>${escapeHtml(node.text)}</strong>`;
    case "break":
      return "<br>";
    case "time":
      return `<time datetime="${escapeHtml(node.datetime)}">${escapeHtml(node.text)}</time>`;
    case "preferences":
      return `<a class="macaron-policy-manage" href="${escapeHtml(node.href)}" data-macaron-open>${escapeHtml(node.text)}</a>`;
    case "link": {
      const href = safeHref(node.href);
      if (href === undefined) return escapeHtml(node.text);
      const language = node.language ? ` hreflang="${escapeHtml(node.language)}"` : "";
      return `<a href="${escapeHtml(href)}"${language}>${escapeHtml(node.text)}</a>`;
    }
  }
}

const inline = (content: InlineContent): string => content.map(inlineHtml).join("");

function heading(level: number, id: string, content: string): string {
  const tag = `h${Math.min(level, 6)}`;
  return `<${tag} id="${escapeHtml(id)}">${content}</${tag}>`;
}

function blockHtml(block: Block, level: number, labelId: string): string {
  switch (block.kind) {
    case "paragraph":
      return `<p>${inline(block.content)}</p>`;
    case "list":
      return `<ul>${block.items.map((item) => `<li>${inline(item)}</li>`).join("")}</ul>`;
    case "subsection": {
      const titleId = `${block.id}-title`;
      return `<section id="${escapeHtml(block.id)}" aria-labelledby="${titleId}">${heading(level, titleId, escapeHtml(block.title))}${block.blocks.map((child) => blockHtml(child, level + 1, titleId)).join("")}</section>`;
    }
    case "table": {
      const head = block.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join("");
      const rows = block.rows
        .map(
          (row) =>
            `<tr>${row.map((cell, index) => (index === 0 && block.rowHeaders ? `<th scope="row">${inline(cell)}</th>` : `<td>${inline(cell)}</td>`)).join("")}</tr>`,
        )
        .join("\n");
      // Wide tables scroll sideways on narrow screens: the region is focusable so keyboards can scroll it.
      return `<div class="macaron-policy-table" role="region" aria-labelledby="${labelId}" tabindex="0"><table id="${escapeHtml(block.id)}" aria-labelledby="${labelId}"><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table></div>`;
    }
  }
}

export interface FragmentOptions {
  /** Heading level of the document's title (sections one below). Default: 1 for the page, 2 for a fragment. */
  readonly headingLevel?: 1 | 2 | 3 | 4;
}

/** The document as an `<article>`, to embed in a page of the site (style it with `POLICY_CSS`). */
export function policyFragmentHtml(
  document: PolicyDocument,
  options: FragmentOptions & { lang?: boolean } = {},
): string {
  const level = options.headingLevel ?? 2;
  const lang = options.lang === false ? "" : ` lang="${escapeHtml(document.language)}"`;
  const sections = document.sections
    .map((section) => {
      const titleId = `${section.id}-title`;
      const body = section.blocks.map((block) => blockHtml(block, level + 2, titleId)).join("\n");
      return `<section id="${escapeHtml(section.id)}" aria-labelledby="${titleId}">\n${heading(level + 1, titleId, `${section.number}. ${escapeHtml(section.title)}`)}\n${body}\n</section>`;
    })
    .join("\n");
  return `<article class="macaron-policy"${lang}>\n${heading(level, "cookie-policy-title", escapeHtml(document.title))}\n<p class="macaron-policy-updated">${inline(document.updated)}</p>\n${sections}\n</article>\n`;
}

export interface PageOptions extends FragmentOptions {
  /** The policy's languages, for the language switch (none shown with fewer than two). */
  readonly languages?: readonly string[];
  /** The address of the policy in another language. Default: `?lang=xx`. */
  readonly languageHref?: (language: string) => string;
  /** A nonce for the page's `<style>` and `<script>`, for a strict Content-Security-Policy. */
  readonly nonce?: string;
  /**
   * Loads the Macaron SDK on the page, so that the withdrawal link opens the preferences:
   * `src` of the SDK script, and `config` the URL of its configuration (`data-config`).
   */
  readonly sdk?: { readonly src: string; readonly config?: string };
}

function languageSwitch(
  document: PolicyDocument,
  options: PageOptions,
  texts: (typeof POLICY_TEXTS)[PolicyLanguage],
): string {
  const languages = (options.languages ?? []).filter(isPolicyLanguage);
  if (languages.length < 2) return "";
  const href = options.languageHref ?? ((language: string) => `?lang=${encodeURIComponent(language)}`);
  const links = languages
    .map((language) => {
      const current = language === document.language ? ' aria-current="true"' : "";
      return `<li><a href="${escapeHtml(href(language))}" hreflang="${language}" lang="${language}"${current}>${escapeHtml(LANGUAGE_NAMES[language])}</a></li>`;
    })
    .join("");
  return `<nav aria-label="${escapeHtml(texts.languageSwitch)}"><ul class="macaron-languages">${links}</ul></nav>`;
}

/** The complete, styled, printable page. */
export function policyPageHtml(document: PolicyDocument, options: PageOptions = {}): string {
  const language = isPolicyLanguage(document.language) ? document.language : "en";
  const texts = POLICY_TEXTS[language];
  const nonce = options.nonce === undefined ? "" : ` nonce="${escapeHtml(options.nonce)}"`;
  const href = options.languageHref ?? ((other: string) => `?lang=${encodeURIComponent(other)}`);
  const alternates = (options.languages ?? [])
    .filter((other) => other !== document.language && isPolicyLanguage(other))
    .map(
      (other) => `<link rel="alternate" hreflang="${escapeHtml(other)}" href="${escapeHtml(href(other))}">`,
    )
    .join("\n");
  const sdkSource = options.sdk ? safeHrefOrPath(options.sdk.src) : undefined;
  const sdkConfig = options.sdk?.config === undefined ? undefined : safeHrefOrPath(options.sdk.config);
  const sdk =
    sdkSource === undefined
      ? ""
      : `<script src="${escapeHtml(sdkSource)}"${sdkConfig === undefined ? "" : ` data-config="${escapeHtml(sdkConfig)}"`}${nonce}></script>`;
  const site = document.siteName;
  const siteHref = safeHref(document.siteUrl);
  const siteLink =
    siteHref === undefined
      ? `<span class="macaron-site">${escapeHtml(site)}</span>`
      : `<a class="macaron-site" href="${escapeHtml(siteHref)}">${escapeHtml(site)}</a>`;
  return `<!doctype html>
<html lang="${escapeHtml(document.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.title)} – ${escapeHtml(site)}</title>
${alternates}
<style${nonce}>${PAGE_CSS}</style>
${sdk}
</head>
<body>
<a class="macaron-skip" href="#main">${escapeHtml(texts.skipLink)}</a>
<header class="macaron-chrome macaron-header"><div class="macaron-bar">${siteLink}${languageSwitch(document, options, texts)}<button type="button" data-macaron-print hidden>${escapeHtml(texts.print)}</button></div></header>
<main id="main" tabindex="-1">
${policyFragmentHtml(document, { headingLevel: options.headingLevel ?? 1, lang: false })}</main>
<footer class="macaron-chrome macaron-footer"><div class="macaron-bar"><p>${escapeHtml(plainText(fill(texts.generatedBy, { site })))}</p></div></footer>
<script${nonce}>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

/** A same-site path (`/macaron.js`) or an http(s) address, for the SDK's script and configuration. */
function safeHrefOrPath(address: string): string | undefined {
  return address.startsWith("/") && !address.startsWith("//")
    ? address
    : safeHref(address)?.startsWith("http")
      ? address
      : undefined;
}
