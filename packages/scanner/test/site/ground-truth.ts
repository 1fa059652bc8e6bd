/** Reading the ground-truth files, and matching a report's findings against them. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Finding } from "../../src/index.ts";

export interface ExpectedFinding {
  readonly kind: string;
  readonly state: string | null;
  /** The finding's item, whole or up to its " (" detail. */
  readonly item: string;
}

export interface PageTruth {
  readonly name: string;
  readonly path: string;
  readonly description: string;
  readonly services: readonly unknown[];
  readonly findings: readonly ExpectedFinding[];
  /** `type name` of every item the page stores in some state. */
  readonly items: readonly string[];
}

const DIRECTORY = new URL("./ground-truth/", import.meta.url).pathname;

export function violationPages(): PageTruth[] {
  return readdirSync(DIRECTORY)
    .filter((file) => file.endsWith(".json") && file !== "capture.json")
    .sort()
    .map((file) => ({
      name: file.replace(/\.json$/, ""),
      ...JSON.parse(readFileSync(join(DIRECTORY, file), "utf8")),
    }));
}

export function captureTruth(): {
  path: string;
  items: ({ id: string } & Record<string, unknown>)[];
  refused: { name: string; domain: string }[];
  requests: ({ host: string; type: string } & Record<string, unknown>)[];
} {
  return JSON.parse(readFileSync(join(DIRECTORY, "capture.json"), "utf8"));
}

export function findingMatches(finding: Finding, expected: ExpectedFinding): boolean {
  return (
    finding.kind === expected.kind &&
    finding.state === expected.state &&
    (finding.item === expected.item || finding.item.startsWith(`${expected.item} (`))
  );
}
