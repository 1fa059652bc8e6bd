/**
 * A canonical JSON text: object keys sorted, no whitespace, `undefined` members dropped. Equal
 * values always give the same text, so hashes of it are stable across runtimes and key orders.
 * Built by appending to one string: the ledger writes one per proof, and the arrays of a
 * map/filter/join version cost it half as much again.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value))
      throw new TypeError("canonicalJson: non-finite number");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let text = "[";
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (index > 0) text += ",";
      text += item === undefined ? "null" : canonicalJson(item);
    }
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  let text = "{";
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined) continue;
    if (!first) text += ",";
    text += `${JSON.stringify(key)}:${canonicalJson(member)}`;
    first = false;
  }
  return `${text}}`;
}
