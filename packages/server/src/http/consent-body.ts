/**
 * From the raw body of `POST /v1/consents` to a well-formed consent record, or the first problem
 * with its path: bytes that are not UTF-8, text that is not JSON, strings with unpaired
 * surrogates, then core's `consentRecordSchema`, field by field.
 */
import { type ConsentRecord, consentRecordSchema, formatPath } from "@macaron/core";
import { httpError } from "./errors.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
/** With the `u` flag a surrogate pair is one code point, so this matches unpaired halves only. */
const UNPAIRED_SURROGATE = /\p{Cs}/u;
const wellFormed = (text: string) => !UNPAIRED_SURROGATE.test(text);

/** The first string (value or key) that is not well-formed UTF-16, with its path. */
function malformedString(value: unknown, path: (string | number)[] = []): string | undefined {
  if (typeof value === "string") return wellFormed(value) ? undefined : formatPath(path);
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = malformedString(item, [...path, index]);
      if (found !== undefined) return found;
    }
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (!wellFormed(key)) return formatPath(path);
      const found = malformedString(item, [...path, key]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

export function parseConsentBody(body: Buffer): ConsentRecord {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw httpError("INVALID_ENCODING");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw httpError("INVALID_JSON", `the body is not valid JSON: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw httpError("INVALID_RECORD", "expected one consent record (a JSON object)", { path: "" });
  }
  // Decoded UTF-8 holds no surrogate: only a JSON `\u` escape can make an unpaired one.
  const unpaired = text.includes("\\u") ? malformedString(value) : undefined;
  if (unpaired !== undefined) {
    throw httpError("INVALID_ENCODING", "a text contains an unpaired surrogate (not valid Unicode)", {
      path: unpaired,
    });
  }
  const parsed = consentRecordSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const path = formatPath((first?.path ?? []).filter((segment) => typeof segment !== "symbol"));
  throw httpError("INVALID_RECORD", `${path === "" ? "record" : path}: ${first?.message ?? "invalid"}`, {
    path,
  });
}
