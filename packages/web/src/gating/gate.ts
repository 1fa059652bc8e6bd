/**
 * Gating: `<script type="text/plain" data-category>` (inline or `src`), `<img data-src
 * data-category>` and `<iframe data-src data-category>` stay inert until their category (and,
 * with `data-service`, their service) is allowed. Released scripts run once each, in document
 * order, with their attributes (nonce included); elements added later are gated as they appear.
 */
import { allowed } from "../context.ts";
import { removePlaceholder, showPlaceholder } from "./placeholder.ts";

const released = new WeakSet<Element>();
const waiting: HTMLScriptElement[] = [];
let loading = false;

/** Runs the released scripts one after the other: a `src` script finishes before the next starts. */
function runNext(): void {
  const inert = loading ? undefined : waiting.shift();
  if (!inert) return;
  // Removed from the page meanwhile: it must not run, nor hold up the ones after it.
  if (!inert.isConnected) {
    runNext();
    return;
  }
  const script = document.createElement("script");
  for (const { name, value } of inert.attributes) if (name !== "type") script.setAttribute(name, value);
  if (inert.dataset.type) script.type = inert.dataset.type;
  script.nonce = inert.nonce ?? "";
  script.text = inert.text;
  if (script.src) {
    loading = true;
    script.onload = script.onerror = () => {
      loading = false;
      runNext();
    };
  }
  inert.replaceWith(script);
  runNext();
}

function gateElement(element: HTMLElement): void {
  const { category, service, src } = element.dataset;
  if (!category || released.has(element)) return;
  const tag = element.localName;
  const isScript = tag === "script" && (element as HTMLScriptElement).type === "text/plain";
  if (!isScript && !(src && (tag === "iframe" || tag === "img"))) return;
  if (!allowed(category, service)) {
    if (tag === "iframe") showPlaceholder(element, category, service);
    return;
  }
  released.add(element);
  if (isScript) {
    waiting.push(element as HTMLScriptElement);
    runNext();
  } else {
    removePlaceholder(element);
    (element as HTMLImageElement).src = src as string;
  }
}

export function gate(root: ParentNode = document): void {
  for (const element of root.querySelectorAll<HTMLElement>("[data-category]")) gateElement(element);
}

/** Gates every element already in the document, then each one added later. */
export function gateDocument(): void {
  gate();
  new MutationObserver((mutations) => {
    for (const mutation of mutations)
      for (const node of mutation.addedNodes)
        if (node instanceof HTMLElement) {
          gateElement(node);
          gate(node);
        }
  }).observe(document.documentElement, { childList: true, subtree: true });
}
