/**
 * Building DOM nodes: attributes with `setAttribute`, text as text nodes (configuration strings
 * never go through `innerHTML`), `on…` keys as listeners.
 */

type Child = Node | string | false | undefined;
type Props = Record<string, string | EventListener | undefined> | null;

export function h<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  props?: Props,
  ...children: Child[]
): HTMLElementTagNameMap[Tag] {
  const element = document.createElement(tag);
  for (const key in props) {
    const value = props[key];
    if (typeof value === "function") element.addEventListener(key.slice(2), value);
    else if (value !== undefined) element.setAttribute(key, value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

/** A text with `{name}` placeholders filled in. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

let nextId = 0;
export function newId(): string {
  return `m${nextId++}`;
}
