/** The one shadow root that holds the banner and the preferences dialog, created on first use. */
import { shadowHost } from "./styles.ts";

let root: ShadowRoot | undefined;

export function uiRoot(): ShadowRoot {
  if (!root) {
    const [host, shadow] = shadowHost();
    host.id = "macaron";
    // In <head>, before <body> exists: the banner (position: fixed) shows at once all the same.
    (document.body ?? document.documentElement).append(host);
    root = shadow;
  }
  return root;
}
