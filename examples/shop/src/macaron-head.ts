/**
 * Macaron's tags in the shop's head: the SDK's configuration inline (no extra request, nothing
 * executed) and the SDK itself, loaded before any tag so Consent Mode defaults come first.
 */
import { type ClientConfig, clientConfig, type MacaronConfig } from "@macaron/core";
import { raw, type SafeHtml } from "./html.ts";

/** JSON safe inside a <script> element: no "</script>" or "<!--" can close or open anything. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export function macaronHeadTags(client: ClientConfig, sdkUrl = "/macaron.js"): SafeHtml {
  return raw(
    `<script type="application/json" id="macaron-config">${scriptJson(client)}</script>\n<script src="${sdkUrl}"></script>`,
  );
}

export async function macaronHead(config: MacaronConfig): Promise<() => SafeHtml> {
  const tags = macaronHeadTags(await clientConfig(config));
  return () => tags;
}
