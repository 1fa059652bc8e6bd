/**
 * The policy document as Markdown (CommonMark with GitHub tables). Configuration text is escaped
 * so that it stays text: no emphasis, link, heading, list or raw HTML can come from it. The only
 * raw HTML written is Macaron's own: `<br>` in table cells and the withdrawal link, an `<a>` with
 * `data-macaron-open` (Markdown has no attribute syntax), kept by renderers that allow HTML.
 */
import type { Block, Inline, InlineContent, PolicyDocument } from "./document-model.ts";
import { escapeHtml, safeHref } from "./render-html.ts";

// Line breaks and tabs would end a paragraph or a table row; no-break spaces are kept (French typography).
const ASCII_WHITESPACE = /[\t\n\v\f\r ]+/g;

/**
 * Text that Markdown shows as written. Backslash escapes cover CommonMark's inline syntax; `&`
 * is escaped only where it could start an entity, to keep "CAMILLE & CLEMENTINE" readable.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(ASCII_WHITESPACE, " ")
    .replace(/[\\`*_[\]<>|~]/g, (character) => `\\${character}`)
    .replace(/&(?=#?[a-z0-9]+;)/gi, "\\&");
}

/** A line must not start like a block: a heading, a quote, a list item, a thematic break. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#>+\-=]|\d+(?=[.)]))/, (_match, space: string, start: string) =>
    /^\d/.test(start) ? `${space}${start}\\` : `${space}\\${start}`,
  );
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(longest + 1);
  const padded = text.startsWith("`") || text.endsWith("`") ? ` ${text} ` : text;
  return `${fence}${padded.replace(ASCII_WHITESPACE, " ")}${fence}`;
}

/** A link destination: `<` `>`, spaces and parentheses percent-encoded so the link cannot end early. */
function destination(href: string): string {
  return href.replace(
    /[<>\s()\\"']/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

function inlineMarkdown(node: Inline): string {
  if (typeof node === "string") return escapeMarkdown(node);
  switch (node.kind) {
    case "code":
      return codeSpan(node.text);
    case "strong":
      return `**${escapeMarkdown(node.text)}**`;
    case "break":
      return "<br>";
    case "time":
      return escapeMarkdown(node.text);
    case "preferences":
      return `<a href="${escapeHtml(node.href)}" data-macaron-open>${escapeHtml(node.text)}</a>`;
    case "link": {
      const href = safeHref(node.href);
      return href === undefined
        ? escapeMarkdown(node.text)
        : `[${escapeMarkdown(node.text)}](${destination(href)})`;
    }
  }
}

/** Inline content as one Markdown line (a paragraph or a list item's text). */
export function markdownInline(content: InlineContent): string {
  return escapeLineStart(content.map(inlineMarkdown).join(""));
}

/** In a table cell, a `|` ends the cell even in a code span: GitHub tables need it escaped everywhere. */
export function markdownCell(content: InlineContent): string {
  return content
    .map((node) =>
      typeof node === "object" && node.kind === "code"
        ? codeSpan(node.text).replace(/\|/g, "\\|")
        : inlineMarkdown(node),
    )
    .join("");
}

function blockMarkdown(block: Block, level: number): string {
  switch (block.kind) {
    case "paragraph":
      return markdownInline(block.content);
    case "list":
      return block.items.map((item) => `- ${markdownInline(item)}`).join("\n");
    case "subsection":
      return [
        `${"#".repeat(Math.min(level, 6))} ${escapeMarkdown(block.title)}`,
        ...block.blocks.map((child) => blockMarkdown(child, level + 1)),
      ].join("\n\n");
    case "table": {
      const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
      return [
        row(block.columns.map(escapeMarkdown)),
        row(block.columns.map(() => "---")),
        ...block.rows.map((cells) => row(cells.map(markdownCell))),
      ].join("\n");
    }
  }
}

export function policyMarkdown(document: PolicyDocument): string {
  const parts = [`# ${escapeMarkdown(document.title)}`, markdownInline(document.updated)];
  for (const section of document.sections) {
    parts.push(`## ${section.number}. ${escapeMarkdown(section.title)}`);
    for (const block of section.blocks) parts.push(blockMarkdown(block, 3));
  }
  return `${parts.join("\n\n")}\n`;
}
