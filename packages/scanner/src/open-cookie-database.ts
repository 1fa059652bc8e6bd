/**
 * Importer for the Open Cookie Database CSV (https://github.com/jkwakman/Open-Cookie-Database,
 * Apache-2.0), which users pass with `--kb`: RFC 4180 quoting, one header row, "Wildcard match" 1
 * meaning the name is a prefix. Rows become knowledge-base vendors, so core's matching reads them.
 */
import { type KnownCategory, type KnownItem, type KnownVendor, parseDuration } from "@macaron/core";
import { scannerError } from "./errors.ts";

const CATEGORIES: Record<string, KnownCategory> = {
  necessary: "necessary",
  security: "necessary",
  functional: "functional",
  personalization: "functional",
  analytics: "analytics",
  marketing: "advertising",
};

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[index + 1] === "\n") index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((cell) => cell !== ""));
}

/** Names with placeholders (`SSPR_*`, `%INTEGER%`, `[cuid]`) become `*` patterns. */
function namePattern(name: string, prefix: boolean): { name: string } | { pattern: string } {
  const normalised = name.replace(/%[A-Z_]+%|\[[^\]]*\]/g, "*");
  if (prefix) return { pattern: `${normalised.replace(/\*+$/, "")}*` };
  return normalised.includes("*") ? { pattern: normalised } : { name: normalised };
}

function retention(text: string): string {
  return parseDuration(text) === undefined ? "unknown" : text.trim().toLowerCase();
}

/** The vendors of an Open Cookie Database CSV, one per platform and category, in file order. */
export function importOpenCookieDatabase(csv: string, source = "open-cookie-database.csv"): KnownVendor[] {
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ""));
  const column = (title: string) => header?.findIndex((cell) => cell.trim().toLowerCase() === title) ?? -1;
  const at = {
    platform: column("platform"),
    category: column("category"),
    name: column("cookie / data key name"),
    domain: column("domain"),
    description: column("description"),
    retention: column("retention period"),
    controller: column("data controller"),
    wildcard: column("wildcard match"),
  };
  if (Object.values(at).some((index) => index < 0)) {
    throw scannerError(
      "SCANNER_BAD_KB",
      `${source}: not an Open Cookie Database CSV (its header row is missing)`,
    );
  }
  const vendors = new Map<string, { vendor: Omit<KnownVendor, "items">; items: KnownItem[] }>();
  for (const cells of rows) {
    const cell = (index: number) => (cells[index] ?? "").trim();
    const name = cell(at.name);
    const category = CATEGORIES[cell(at.category).toLowerCase()];
    if (name === "" || category === undefined) continue;
    const platform = cell(at.platform) || "unknown";
    const key = `${platform}\u0000${category}`;
    let entry = vendors.get(key);
    if (!entry) {
      entry = {
        vendor: {
          id: `ocd:${platform.toLowerCase().replace(/[^a-z0-9]+/g, "-")}:${category}`,
          name: platform,
          provider: cell(at.controller) || platform,
          category,
          hosts: [],
          source,
        },
        items: [],
      };
      vendors.set(key, entry);
    }
    entry.items.push({
      ...namePattern(name, cell(at.wildcard) === "1"),
      retention: retention(cell(at.retention)),
      purpose: cell(at.description),
    });
  }
  return [...vendors.values()].map(({ vendor, items }) => ({ ...vendor, items }));
}
