/**
 * What stands in for a gated iframe: which service it is, that it may set cookies, and a button
 * that allows its category. In its own shadow root, so the host page's CSS cannot hide or break it.
 */
import { notice } from "../context.ts";
import { allowCategory } from "../decide.ts";
import { fill, h } from "../ui/dom.ts";
import { shadowHost } from "../ui/styles.ts";

const placeholders = new WeakMap<Element, HTMLElement>();

export function showPlaceholder(frame: HTMLElement, category: string, service: string | undefined): void {
  if (placeholders.has(frame)) return;
  const texts = notice.texts;
  const categoryName = notice.categories.find((candidate) => candidate.id === category)?.name ?? category;
  const serviceName =
    notice.services.find((candidate) => candidate.id === service)?.name ?? (frame.title || categoryName);
  const [host, root] = shadowHost();
  root.append(
    h(
      "div",
      { class: "p", role: "region", "aria-label": serviceName, lang: notice.language },
      h("p", null, fill(texts.placeholderText, { service: serviceName, category: categoryName })),
      h(
        "button",
        { type: "button", class: "k", onclick: () => allowCategory(category, "banner") },
        fill(texts.placeholderButton, { category: categoryName }),
      ),
    ),
  );
  frame.hidden = true;
  frame.before(host);
  placeholders.set(frame, host);
}

export function removePlaceholder(frame: HTMLElement): void {
  const host = placeholders.get(frame);
  if (!host) return;
  host.remove();
  frame.hidden = false;
  placeholders.delete(frame);
}
