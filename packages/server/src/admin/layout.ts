/** The page shell every dashboard page shares: head, skip link, navigation, sign-out form. */
import { html, type SafeHtml } from "./html.ts";
import type { AdminSession } from "./sessions.ts";

export type Section = "overview" | "proofs" | "policy" | "scans";

export interface PageContext {
  /** The plugin's prefix, e.g. `/admin`. */
  readonly base: string;
  /** Asset name → versioned URL. */
  readonly asset: (name: string) => string;
  readonly session?: AdminSession;
}

const SECTIONS: readonly { readonly id: Section; readonly label: string; readonly path: string }[] = [
  { id: "overview", label: "Overview", path: "" },
  { id: "proofs", label: "Proofs", path: "/proofs" },
  { id: "policy", label: "Policy", path: "/policy" },
  { id: "scans", label: "Scans", path: "/scans" },
];

export interface PageOptions {
  readonly title: string;
  readonly section?: Section;
  readonly body: SafeHtml;
  /** Extra head elements (chart styles) and end-of-body scripts, all same-origin files. */
  readonly styles?: readonly string[];
  readonly scripts?: readonly string[];
}

export function page(context: PageContext, options: PageOptions): string {
  const { base, asset, session } = context;
  const navigation = session
    ? html`<nav aria-label="Dashboard"><ul>${SECTIONS.map(
        (section) =>
          html`<li><a href="${base}${section.path}"${section.id === options.section ? html` aria-current="page"` : ""}>${section.label}</a></li>`,
      )}</ul>
      <form method="post" action="${base}/sign-out" class="sign-out">
        <input type="hidden" name="csrf" value="${session.csrfToken}">
        <button type="submit">Sign out</button>
      </form></nav>`
    : "";
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${options.title} · Macaron admin</title>
<link rel="stylesheet" href="${asset("admin.css")}">
${(options.styles ?? []).map((name) => html`<link rel="stylesheet" href="${asset(name)}">`)}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><p class="brand"><a href="${base}">Macaron admin</a></p>${navigation}</header>
<main id="main" tabindex="-1">
<h1>${options.title}</h1>
${options.body}
</main>
${(options.scripts ?? []).map((name) => html`<script src="${asset(name)}" defer></script>`)}
</body>
</html>
`.value;
}
