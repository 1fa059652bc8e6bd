/** @macaron/policy: the site's cookie policy document, generated from its configuration. */
export { BROWSERS, type BrowserHelp } from "./browsers.ts";
export {
  COOKIE_DECLARATION_VERSION,
  type CookieDeclaration,
  cookieDeclaration,
  cookieDeclarationJsonSchema,
  cookieDeclarationSchema,
  type DeclaredCookie,
  type DeclaredPurpose,
} from "./declaration.ts";
export type { Block, Inline, InlineContent, PolicyDocument, PolicySection } from "./document-model.ts";
export { POLICY_ERRORS } from "./errors.ts";
export {
  acceptedLanguages,
  type LanguageRequest,
  policyLanguageFor,
  policyLanguages,
  requirePolicyLanguage,
} from "./language.ts";
export { PAGE_CSS, POLICY_CSS } from "./page-style.ts";
export { formatDate, policyDocument, WITHDRAW_SECTION_ID } from "./policy-document.ts";
export {
  CONTENT_TYPES,
  isPolicyFormat,
  POLICY_FORMATS,
  type PolicyFormat,
  type RenderedPolicy,
  type RenderPolicyOptions,
  renderPolicy,
} from "./render.ts";
export {
  escapeHtml,
  type FragmentOptions,
  type PageOptions,
  policyFragmentHtml,
  policyPageHtml,
} from "./render-html.ts";
export { escapeMarkdown, policyMarkdown } from "./render-markdown.ts";
export {
  isPolicyLanguage,
  LANGUAGE_NAMES,
  POLICY_LANGUAGES,
  POLICY_TEXTS,
  type PolicyLanguage,
  type PolicyTexts,
} from "./texts.ts";
