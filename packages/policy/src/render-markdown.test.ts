import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { hostileConfig, IMAGE, LINE_START, MARKDOWN, NAME, SCRIPT } from "../test/hostile-config.ts";
import { renderPolicy } from "./render.ts";
import { markdownCell, markdownInline } from "./render-markdown.ts";

// Raw HTML allowed, as many static-site generators do: the escaping alone must keep text inert.
const markdownIt = new MarkdownIt({ html: true, linkify: false });

function decode(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

const MARKDOWN_CHARACTERS = [..."\\`*_[]()<>|#!-+=.~&;:/ \t\n1aé\u00a0"];
const markdownish = fc.string({ unit: fc.constantFrom(...MARKDOWN_CHARACTERS), maxLength: 40 });
const shown = (text: string) => text.replace(/[\t\n ]+/g, " ").trim();

describe("Markdown output", () => {
  it("shows any configuration text as written, in a paragraph", () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        const html = markdownIt.render(markdownInline([text]));
        expect(html).not.toMatch(/<(?!\/?p>)/);
        expect(decode(html).trim()).toBe(shown(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("shows any configuration text as written, in a table cell, as code or as text", () => {
    fc.assert(
      fc.property(markdownish, fc.boolean(), (generated, asCode) => {
        // Cookie names are never empty and hold no whitespace.
        const text = asCode ? generated.replace(/\s/g, "") || "x" : generated;
        const cell = markdownCell(asCode ? [{ kind: "code", text }] : [text]);
        const html = markdownIt.render(`| a | b |\n| --- | --- |\n| ${cell} | x |\n`);
        const cells = [...html.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((match) => match[1] ?? "");
        expect(cells).toHaveLength(2);
        expect(cells[1]).toBe("x");
        expect(decode(cells[0] ?? "").trim()).toBe(shown(text));
      }),
      { numRuns: 2000 },
    );
  });

  it.each(["fr", "en"])("renders hostile configuration strings inert (%s)", (language) => {
    const markdown = renderPolicy(hostileConfig(), { language, format: "md" }).body;
    const html = markdownIt.render(markdown);
    expect(html).not.toMatch(/<script|<img|href="javascript:|<strong>bold|<h1>1\.|<ol/i);
    const text = decode(html);
    for (const payload of [SCRIPT, IMAGE, MARKDOWN, LINE_START, NAME]) expect(text).toContain(payload);
    // Macaron's own markup still works: the withdrawal link keeps its data-macaron-open.
    expect(html).toMatch(/<a href="#withdraw" data-macaron-open>(Gérer|Manage) &quot;&gt;&lt;img/);
  });
});
