/**
 * One entry point for every output: the server's `GET /cookie-policy` and `macaron policy` both
 * call `renderPolicy` with a validated configuration, a language and a format.
 */
import type { MacaronConfig } from "@macaron/core";
import { cookieDeclaration } from "./declaration.ts";
import { policyError } from "./errors.ts";
import { policyLanguages, requirePolicyLanguage } from "./language.ts";
import { policyDocument } from "./policy-document.ts";
import { type PageOptions, policyFragmentHtml, policyPageHtml } from "./render-html.ts";
import { policyMarkdown } from "./render-markdown.ts";
import type { PolicyLanguage } from "./texts.ts";

export const POLICY_FORMATS = ["html", "md", "json"] as const;
export type PolicyFormat = (typeof POLICY_FORMATS)[number];

export const CONTENT_TYPES: Record<PolicyFormat, string> = {
  html: "text/html; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  json: "application/json; charset=utf-8",
};

export function isPolicyFormat(format: string): format is PolicyFormat {
  return (POLICY_FORMATS as readonly string[]).includes(format);
}

export interface RenderPolicyOptions extends Omit<PageOptions, "languages"> {
  readonly language: string;
  readonly format: PolicyFormat;
  /** HTML only: the embeddable `<article>` instead of the complete page. */
  readonly fragment?: boolean;
}

export interface RenderedPolicy {
  readonly language: PolicyLanguage;
  readonly format: PolicyFormat;
  /** For the `Content-Type` response header. */
  readonly contentType: string;
  readonly body: string;
}

/**
 * The cookie policy of a validated configuration (`validateConfig(...).config`), in one language
 * and format. Throws `POLICY_LANGUAGE_UNAVAILABLE` or `POLICY_FORMAT_UNKNOWN` (a `MacaronError`).
 */
export function renderPolicy(config: MacaronConfig, options: RenderPolicyOptions): RenderedPolicy {
  const { format } = options;
  if (!isPolicyFormat(format)) {
    throw policyError(
      "POLICY_FORMAT_UNKNOWN",
      `unknown cookie policy format "${String(format)}": expected html, md or json`,
    );
  }
  const language = requirePolicyLanguage(config, options.language);
  let body: string;
  if (format === "json") {
    body = `${JSON.stringify(cookieDeclaration(config, language), null, 2)}\n`;
  } else {
    const document = policyDocument(config, language);
    if (format === "md") body = policyMarkdown(document);
    else if (options.fragment) body = policyFragmentHtml(document, options);
    else body = policyPageHtml(document, { ...options, languages: policyLanguages(config) });
  }
  return { language, format, contentType: CONTENT_TYPES[format], body };
}
