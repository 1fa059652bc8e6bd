/**
 * Filling a text template: `{name}` placeholders become the given inline content. Values are
 * never parsed, so a configuration string is text wherever it lands.
 */
import type { Inline, InlineContent } from "./document-model.ts";

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** The placeholder names a template uses, in order. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? "");
}

export function fill(
  template: string,
  values: Readonly<Record<string, Inline | InlineContent>> = {},
): Inline[] {
  const content: Inline[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    const value = values[name];
    // A template and its caller disagreeing is a programming error, caught by the texts' tests.
    if (value === undefined) throw new TypeError(`template placeholder {${name}} has no value: ${template}`);
    if (match.index > last) content.push(template.slice(last, match.index));
    if (Array.isArray(value)) content.push(...(value as InlineContent));
    else content.push(value as Inline);
    last = match.index + match[0].length;
  }
  if (last < template.length) content.push(template.slice(last));
  return content;
}

/** `a, b and c` style joining of inline items with a separator. */
export function joined(items: readonly InlineContent[], separator: string): Inline[] {
  return items.flatMap((item, index) => (index === 0 ? [...item] : [separator, ...item]));
}
