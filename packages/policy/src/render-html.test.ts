import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seedConfig } from "../../core/test/seed-config.ts";
import { hostileConfig } from "../test/hostile-config.ts";
import { renderPolicy } from "./render.ts";
import { escapeHtml, safeHref } from "./render-html.ts";

describe("HTML output", () => {
  it("escapes every character that could open a tag or leave an attribute, reversibly", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        const decoded = escaped.replace(
          /&(lt|gt|quot|#39|amp);/g,
          (_entity, name: string) => ({ lt: "<", gt: ">", quot: '"', "#39": "'", amp: "&" })[name] ?? "",
        );
        expect(decoded).toBe(text);
      }),
    );
  });

  it("links only to http(s), mailto and in-page addresses", () => {
    expect(safeHref("https://policies.google.com/privacy")).toBe("https://policies.google.com/privacy");
    expect(safeHref("mailto:dpo@shop.example")).toBe("mailto:dpo@shop.example");
    expect(safeHref("#withdraw")).toBe("#withdraw");
    expect(safeHref("javascript:alert(1)")).toBeUndefined();
    expect(safeHref("data:text/html,<script>")).toBeUndefined();
    expect(safeHref("/relative")).toBeUndefined();
  });

  it("writes no configuration string as markup", () => {
    for (const language of ["fr", "en"]) {
      const { body } = renderPolicy(hostileConfig(), { language, format: "html" });
      // The page's own script is the only one; no image at all.
      expect(body.match(/<script/g)).toHaveLength(1);
      expect(body).not.toMatch(/<img|onerror="/);
    }
  });

  it("gives the fragment its language and no page around it", () => {
    const { body, contentType } = renderPolicy(seedConfig(), {
      language: "en",
      format: "html",
      fragment: true,
    });
    expect(contentType).toBe("text/html; charset=utf-8");
    expect(body).toMatch(/^<article class="macaron-policy" lang="en">/);
    expect(body).not.toMatch(/<html|<header|<style|<script/);
    expect(body).toContain('<h2 id="cookie-policy-title">Cookie management policy</h2>');
  });
});
