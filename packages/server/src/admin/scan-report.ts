/**
 * Reading a `report.json` written by `macaron scan`, defensively: the file comes from disk or from
 * an upload, and may come from another scanner version. Each finding keeps what can be read
 * (severity, page, state, item, setter, rule, fix); entries that are not findings are counted,
 * not guessed.
 */

export interface ScanFinding {
  readonly severity: string;
  readonly page: string;
  readonly state: string;
  readonly item: string;
  readonly setter: string;
  readonly rule: string;
  readonly message: string;
  readonly fix: string;
}

export interface ScanReportView {
  readonly site: string;
  readonly scannedAt: string;
  readonly findings: readonly ScanFinding[];
  /** Entries of `findings` that were not objects. */
  readonly unreadable: number;
  /** State → "reached" / "not reached", when the report says. */
  readonly states: readonly { readonly state: string; readonly reached: boolean; readonly reason: string }[];
  /** "macaron-scanner 0.1.0 in Chromium 131…", when the report says. */
  readonly tool: string;
}

export type ParsedScanReport =
  | { readonly ok: true; readonly report: ScanReportView }
  | { readonly ok: false; readonly message: string };

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The first of `keys` holding a readable value, as text. */
function textOf(source: Json, keys: readonly string[]): string {
  for (const key of keys) {
    const value = source[key];
    if (typeof value === "string" && value) return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    if (isObject(value)) {
      const nested = describe(value);
      if (nested) return nested;
    }
  }
  return "";
}

/** A cookie, storage key, request or page given as an object: its most telling fields. */
function describe(value: Json): string {
  const name = textOf(value, ["name", "key", "url", "host", "id"]);
  const where = textOf(value, ["domain", "origin", "host"]);
  const kind = textOf(value, ["type", "kind"]);
  return [name, where && where !== name ? `@ ${where}` : "", kind ? `(${kind})` : ""]
    .filter(Boolean)
    .join(" ");
}

const SEVERITY_ORDER: Readonly<Record<string, number>> = { error: 0, critical: 0, warning: 1, info: 2 };

export function parseScanReport(text: string): ParsedScanReport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not valid JSON (${(error as Error).message})` };
  }
  if (!isObject(parsed)) return { ok: false, message: "expected a JSON object as written by `macaron scan`" };
  const list = parsed.findings;
  if (!Array.isArray(list))
    return {
      ok: false,
      message: "expected a `findings` array: is this a `report.json` from `macaron scan`?",
    };
  let unreadable = 0;
  const findings: ScanFinding[] = [];
  for (const entry of list) {
    if (!isObject(entry)) {
      unreadable++;
      continue;
    }
    findings.push({
      severity: textOf(entry, ["severity", "level"]).toLowerCase() || "unknown",
      page: textOf(entry, ["page", "pageUrl", "url"]),
      state: textOf(entry, ["state"]),
      item: textOf(entry, ["item", "cookie", "request", "name"]),
      setter: textOf(entry, ["setter", "setBy", "initiator"]),
      rule: textOf(entry, ["rule", "kind", "code", "type"]),
      message: textOf(entry, ["message", "description"]),
      fix: textOf(entry, ["fix", "suggestion"]),
    });
  }
  findings.sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3));
  const states: { state: string; reached: boolean; reason: string }[] = [];
  const rawStates = parsed.states;
  if (Array.isArray(rawStates)) {
    for (const state of rawStates) {
      if (typeof state === "string") states.push({ state, reached: true, reason: "" });
      else if (isObject(state) && typeof (state.state ?? state.name) === "string")
        states.push({
          state: String(state.state ?? state.name),
          reached: state.reached !== false,
          reason: textOf(state, ["reason"]),
        });
    }
  }
  const scanner = isObject(parsed.scanner) ? parsed.scanner : {};
  const browser = isObject(parsed.browser) ? parsed.browser : {};
  const tool = [
    [textOf(scanner, ["name"]), textOf(scanner, ["version"])].filter(Boolean).join(" "),
    [textOf(browser, ["name"]), textOf(browser, ["version"])].filter(Boolean).join(" "),
  ]
    .filter(Boolean)
    .join(" in ");
  return {
    ok: true,
    report: {
      site: textOf(parsed, ["url", "site", "target", "startUrl", "origin"]),
      scannedAt: textOf(parsed, ["finishedAt", "startedAt", "scannedAt", "generatedAt", "date"]),
      findings,
      unreadable,
      states,
      tool,
    },
  };
}
