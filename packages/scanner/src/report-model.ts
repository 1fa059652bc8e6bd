/**
 * The report's shape: what `report.json` holds (its JSON Schema is `schema/report.schema.json`,
 * checked against real reports by the tests). Everything is sorted so that two scans of the same
 * site give the same JSON apart from timestamps.
 */
import type { ScanState } from "./banner.ts";
import type { ClassificationSource } from "./classify.ts";
import type { PageVisit } from "./state-crawl.ts";

export const REPORT_VERSION = 1;

export type ItemType = "cookie" | "localStorage" | "sessionStorage" | "indexedDB";

export interface Sighting {
  readonly state: ScanState;
  /** The first page of the state where it was seen (origin and path). */
  readonly page: string;
}

export interface ReportItem {
  readonly id: string;
  readonly type: ItemType;
  readonly name: string;
  /** Cookie domain as stored (leading dot for a domain cookie), or the storage's origin. */
  readonly domain: string;
  readonly path?: string;
  readonly httpOnly?: boolean;
  readonly secure?: boolean;
  readonly sameSite?: string;
  readonly partitioned: boolean;
  readonly partitionKey?: string;
  readonly thirdParty: boolean;
  /** Lifetime the site asked for, in seconds (whole minutes); `null` session; absent when unknown. */
  readonly askedLifetime?: number | null;
  /** Lifetime the browser kept, in seconds (whole minutes); `null` session. Cookies only. */
  readonly storedLifetime?: number | null;
  /** Response URL or script URL that set it, or "unknown". */
  readonly setter: string;
  readonly category: string;
  readonly classifiedBy: ClassificationSource;
  readonly exempt: boolean;
  readonly service?: string;
  readonly declaredAs?: { readonly name?: string; readonly pattern?: string; readonly retention: string };
  readonly seen: readonly Sighting[];
}

export interface RefusedCookieReport {
  readonly name: string;
  readonly domain: string;
  readonly reasons: readonly string[];
  readonly setter: string;
  readonly state: ScanState;
  readonly page: string;
}

export interface ReportRequest {
  readonly host: string;
  /** Registrable domain (eTLD+1). */
  readonly site: string;
  readonly type: string;
  readonly initiator: string;
  readonly carriedCookies: boolean;
  readonly beacon: boolean;
  readonly pixel: boolean;
  readonly vendor?: string;
  readonly category: string;
  /** Analytics, advertising or social, a consent service's host, or a beacon or pixel. */
  readonly tracker: boolean;
  readonly seen: readonly Sighting[];
}

export const FINDING_KINDS = [
  "state-not-reached",
  "item-before-consent",
  "tracker-before-consent",
  "item-after-refusal",
  "tracker-after-refusal",
  "item-after-withdrawal",
  "undeclared-item",
  "declared-not-seen",
  "lifetime-over-declared",
  "lifetime-over-13-months",
  "tracker-declared-necessary",
  "consent-cookie-lifetime",
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface Finding {
  readonly severity: "error" | "warning";
  readonly kind: FindingKind;
  readonly state: ScanState | null;
  readonly page: string | null;
  /** The item or request concerned, e.g. `cookie _ga (.shop.test)`. */
  readonly item: string;
  readonly setter: string;
  readonly rule: string;
  readonly message: string;
  readonly fix: string;
}

export interface StateReport {
  readonly state: ScanState;
  readonly reached: boolean;
  readonly reason?: string;
  readonly pages: readonly PageVisit[];
}

export interface ScanReport {
  readonly reportVersion: number;
  readonly scanner: { readonly name: string; readonly version: string };
  readonly url: string;
  readonly site: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly browser: { readonly name: string; readonly version: string; readonly userAgent: string };
  readonly method: {
    readonly states: readonly ScanState[];
    readonly maxPages: number;
    readonly maxDepth: number;
    readonly quietMs: number;
    readonly timeoutSeconds: number;
    readonly thirdPartyCookies: "allowed";
    readonly description: string;
  };
  readonly config: { readonly path: string | null; readonly sha256: string } | null;
  readonly knowledgeBase: {
    readonly builtInVendors: number;
    readonly openCookieDatabase: { readonly file: string; readonly vendors: number } | null;
  };
  readonly states: readonly StateReport[];
  readonly items: readonly ReportItem[];
  readonly refusedCookies: readonly RefusedCookieReport[];
  readonly requests: readonly ReportRequest[];
  readonly findings: readonly Finding[];
  readonly summary: {
    readonly errors: number;
    readonly warnings: number;
    readonly statesNotReached: number;
    readonly items: number;
    readonly thirdPartyRequests: number;
    readonly trackerRequests: number;
  };
}
