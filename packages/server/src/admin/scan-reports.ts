/**
 * Where scan reports come from: `*.json` files in the configured reports directory (and the
 * `report.json` of each sub-directory, as `macaron scan --out DIR` writes them), and reports
 * uploaded through the dashboard, kept in memory (the newest few) for this process's lifetime.
 */
import { randomBytes } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";

export interface ScanReportEntry {
  readonly id: string;
  readonly name: string;
  readonly source: "directory" | "upload";
  readonly modifiedAt: string;
}

/** Reports larger than this are refused (a 50-page scan's report is far below). */
export const MAX_REPORT_BYTES = 8 * 1024 * 1024;
const MAX_UPLOADS = 20;

function fileId(path: string): string {
  return `f-${Buffer.from(path).toString("base64url")}`;
}

export class ScanReports {
  readonly #directory: string | undefined;
  readonly #uploads = new Map<string, { readonly entry: ScanReportEntry; readonly text: string }>();

  constructor(directory: string | undefined) {
    this.#directory = directory === undefined ? undefined : resolve(directory);
  }

  get directory(): string | undefined {
    return this.#directory;
  }

  async #files(): Promise<string[]> {
    const root = this.#directory;
    if (root === undefined) return [];
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(root, { withFileTypes: true });
    } catch {
      return [];
    }
    const files: string[] = [];
    for (const entry of entries) {
      if (entry.isFile() && entry.name.endsWith(".json")) files.push(entry.name);
      else if (entry.isDirectory()) {
        const nested = join(entry.name, "report.json");
        if (
          await stat(join(root, nested)).then(
            (found) => found.isFile(),
            () => false,
          )
        )
          files.push(nested);
      }
    }
    return files.sort();
  }

  async list(): Promise<ScanReportEntry[]> {
    const root = this.#directory;
    const fromDirectory: ScanReportEntry[] = [];
    if (root !== undefined) {
      for (const file of await this.#files()) {
        const info = await stat(join(root, file)).catch(() => undefined);
        if (info)
          fromDirectory.push({
            id: fileId(file),
            name: file,
            source: "directory",
            modifiedAt: info.mtime.toISOString(),
          });
      }
    }
    const uploads = [...this.#uploads.values()].map((upload) => upload.entry).reverse();
    return [...uploads, ...fromDirectory.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt))];
  }

  /** The report's name and text; undefined for an unknown id or a file outside the directory. */
  async read(id: string): Promise<{ readonly entry: ScanReportEntry; readonly text: string } | undefined> {
    const upload = this.#uploads.get(id);
    if (upload) return upload;
    const root = this.#directory;
    if (root === undefined || !id.startsWith("f-")) return undefined;
    const file = Buffer.from(id.slice(2), "base64url").toString();
    // Only files the listing offers: no path from the URL reaches the file system otherwise.
    if (!(await this.#files()).includes(file)) return undefined;
    const path = resolve(root, file);
    if (relative(root, path).startsWith(`..${sep}`)) return undefined;
    const info = await stat(path).catch(() => undefined);
    if (info === undefined || info.size > MAX_REPORT_BYTES) return undefined;
    return {
      entry: { id, name: file, source: "directory", modifiedAt: info.mtime.toISOString() },
      text: await readFile(path, "utf8"),
    };
  }

  add(name: string, text: string, now = new Date()): ScanReportEntry {
    if (this.#uploads.size >= MAX_UPLOADS) {
      const oldest = this.#uploads.keys().next().value;
      if (oldest !== undefined) this.#uploads.delete(oldest);
    }
    const entry: ScanReportEntry = {
      id: `u-${randomBytes(9).toString("base64url")}`,
      name: name || "uploaded report",
      source: "upload",
      modifiedAt: now.toISOString(),
    };
    this.#uploads.set(entry.id, { entry, text });
    return entry;
  }
}
