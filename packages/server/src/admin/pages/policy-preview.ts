/**
 * The live preview: the real SDK build, in frames, with a revision's own client configuration, in
 * each of its languages, showing the banner and the preferences dialog. The frame never sends a
 * proof (no ledger endpoint) and keeps its consent cookie in memory, so trying the buttons here
 * leaves the site's own consent alone.
 */
import type { ClientConfig } from "@macaron/core";
import type { PolicyRevision } from "../../store/ledger-store.ts";
import { emptyState } from "../components.ts";
import { html, jsonScript } from "../html.ts";
import { type PageContext, page } from "../layout.ts";

const LANGUAGE_NAMES: Readonly<Record<string, string>> = { fr: "French", en: "English" };
export const PREVIEW_VIEWS = ["banner", "dialog"] as const;
export type PreviewView = (typeof PREVIEW_VIEWS)[number];

export function policyPreviewPage(
  context: PageContext,
  revision: PolicyRevision,
  client: ClientConfig,
  sdkAvailable: boolean,
  sdkPath: string,
): string {
  const title = `Preview of revision ${revision.revision}`;
  if (!sdkAvailable) {
    return page(context, {
      title,
      section: "policy",
      body: emptyState(
        "The SDK build is missing",
        html`The preview runs the real banner from <code>${sdkPath}</code>, which does not exist yet. Build it with <code>npm run build -w @macaron/web</code> and reload this page.`,
      ),
    });
  }
  const frames = client.languages.flatMap((language) =>
    PREVIEW_VIEWS.map((view) => {
      const name = `${view === "banner" ? "Banner" : "Preferences dialog"} in ${LANGUAGE_NAMES[language] ?? language}`;
      const src = `${context.base}/policy/preview/frame?revision=${revision.contentHash}&lang=${encodeURIComponent(language)}&view=${view}`;
      return html`<figure><figcaption>${name}</figcaption><iframe src="${src}" title="${name}, revision ${revision.revision}"></iframe></figure>`;
    }),
  );
  const body = html`<p>Revision ${revision.revision}, published ${revision.publishedAt}. The buttons work; nothing is recorded.</p>
<div class="previews">${frames}</div>
<p><a href="${context.base}/policy">Back to the revisions</a></p>`;
  return page(context, { title, section: "policy", body });
}

/** The page inside one preview frame: a plain page in `language` with the SDK and its configuration. */
export function previewFramePage(
  context: PageContext,
  client: ClientConfig,
  language: string,
  view: PreviewView,
): string {
  const { ledgerEndpoint: _omitted, ...withoutLedger } = client;
  return html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${language === "fr" ? "Aperçu" : "Preview"}</title>
<link rel="stylesheet" href="${context.asset("admin.css")}">
${jsonScript("macaron-config", { ...withoutLedger, defaultLanguage: language })}
<script src="${context.asset("preview.js")}" data-view="${view}"></script>
<script src="${context.base}/policy/preview/macaron.js"></script>
</head>
<body>
<main><h1>${language === "fr" ? "Page d’exemple" : "Sample page"}</h1>
<p>${language === "fr" ? "Le bandeau et le dialogue de cette révision, tels que les voient les visiteurs." : "This revision's banner and dialog, as visitors see them."}</p>
<p><a href="#" data-macaron-open>${client.notices[language]?.texts.manage ?? "Manage cookies"}</a></p></main>
</body>
</html>
`.value;
}
