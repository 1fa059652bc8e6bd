/**
 * The `macaron_consent` cookie: a compact, versioned encoding of the visitor's current decision.
 *
 *   1.<subjectId>.<decidedAt>.<expiresAt>.<revision>.<categories>.<services>.<checksum>
 *
 * Times are Unix seconds and the revision an integer, all in base 36; choices are `id:1` (granted)
 * or `id:0` (refused) joined by `|`; the checksum is FNV-1a (32 bits, base 36) of everything before
 * it. Every character is a cookie-octet (RFC 6265), so the value needs no escaping.
 *
 * Decoding is strict: anything malformed, truncated, altered or of another version decodes to
 * `undefined`, "no decision", and the banner asks again; it never decodes to consent. The checksum
 * detects corruption and casual edits (any single changed character); it is not a signature, and
 * need not be: the cookie only ever speaks for the visitor who holds it.
 */

export const CONSENT_COOKIE_NAME = "macaron_consent";
export const CONSENT_COOKIE_VERSION = "1";

export interface ConsentCookieState {
  readonly subjectId: string;
  readonly decidedAt: Date;
  readonly expiresAt: Date;
  readonly revision: number;
  /** Every category the decision covers: `true` granted, `false` refused. */
  readonly categories: Readonly<Record<string, boolean>>;
  /** Per-service choices inside granted categories, when the visitor made any. */
  readonly services: Readonly<Record<string, boolean>>;
}

const FIELD_SEPARATOR = ".";
const CHOICE_SEPARATOR = "|";
const FIELD_COUNT = 8;
// Far more than any real decision needs; refuses pathological values before any parsing.
const MAX_LENGTH = 3000;
const SUBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE36_NUMBER = /^[1-9a-z][0-9a-z]{0,9}$/;
const CHOICE = /^([a-z][a-z0-9_-]{0,39}):([01])$/;

/** FNV-1a, 32 bits: any single changed character changes the result. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

function encodeChoices(choices: Readonly<Record<string, boolean>>): string {
  return Object.keys(choices)
    .map((id) => `${id}:${choices[id] ? 1 : 0}`)
    .join(CHOICE_SEPARATOR);
}

function seconds(date: Date): string {
  return Math.floor(date.getTime() / 1000).toString(36);
}

export function encodeConsentCookie(state: ConsentCookieState): string {
  const body = [
    CONSENT_COOKIE_VERSION,
    state.subjectId,
    seconds(state.decidedAt),
    seconds(state.expiresAt),
    state.revision.toString(36),
    encodeChoices(state.categories),
    encodeChoices(state.services),
  ].join(FIELD_SEPARATOR);
  return body + FIELD_SEPARATOR + fnv1a(body);
}

function decodeNumber(text: string): number | undefined {
  return BASE36_NUMBER.test(text) ? Number.parseInt(text, 36) : undefined;
}

function decodeChoices(text: string): Record<string, boolean> | undefined {
  const choices: Record<string, boolean> = {};
  if (text === "") return choices;
  for (const entry of text.split(CHOICE_SEPARATOR)) {
    const match = CHOICE.exec(entry);
    const id = match?.[1];
    if (id === undefined || Object.hasOwn(choices, id)) return undefined;
    choices[id] = match?.[2] === "1";
  }
  return choices;
}

/** The decision in a cookie value, or `undefined` ("no decision") for anything but a valid value. */
export function decodeConsentCookie(value: string | undefined | null): ConsentCookieState | undefined {
  if (!value || value.length > MAX_LENGTH) return undefined;
  const checksumStart = value.lastIndexOf(FIELD_SEPARATOR);
  const body = value.slice(0, checksumStart);
  if (checksumStart < 0 || fnv1a(body) !== value.slice(checksumStart + 1)) return undefined;
  const fields = body.split(FIELD_SEPARATOR);
  const [
    version,
    subjectId = "",
    decided = "",
    expires = "",
    revisionText = "",
    categoryText = "",
    serviceText = "",
  ] = fields;
  if (
    fields.length !== FIELD_COUNT - 1 ||
    version !== CONSENT_COOKIE_VERSION ||
    !SUBJECT_ID.test(subjectId)
  ) {
    return undefined;
  }
  const decidedAt = decodeNumber(decided);
  const expiresAt = decodeNumber(expires);
  const revision = decodeNumber(revisionText);
  const categories = decodeChoices(categoryText);
  const services = decodeChoices(serviceText);
  if (
    decidedAt === undefined ||
    expiresAt === undefined ||
    revision === undefined ||
    expiresAt <= decidedAt ||
    !categories ||
    !services ||
    Object.keys(categories).length === 0
  ) {
    return undefined;
  }
  return {
    subjectId,
    decidedAt: new Date(decidedAt * 1000),
    expiresAt: new Date(expiresAt * 1000),
    revision,
    categories,
    services,
  };
}
