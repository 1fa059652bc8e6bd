/**
 * From what each state saw to the report's tables: one row per cookie, storage key, database and
 * third-party request, with the states and first page it was seen on, who set it, the lifetime
 * asked and kept, and its classification.
 */
import { type KnownVendor, knownVendorForHost, type MacaronConfig } from "@macaron/core";
import { SCAN_STATES } from "./banner.ts";
import type { Classifier } from "./classify.ts";
import { type CookieWrite, hostOf } from "./network-log.ts";
import type { RefusedCookieReport, ReportItem, ReportRequest, Sighting } from "./report-model.ts";
import { roundedLifetime } from "./set-cookie.ts";
import { registrableDomain, sameSite } from "./site.ts";
import type { StateObservation, StoredCookie } from "./state-crawl.ts";

const STATE_ORDER = new Map<string, number>(SCAN_STATES.map((state, index) => [state, index]));

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function bare(domain: string): string {
  return domain.replace(/^\./, "").toLowerCase();
}

/** The last write that could have made this cookie (a deletion did not). */
function writeFor(cookie: StoredCookie, writes: readonly CookieWrite[]): CookieWrite | undefined {
  const domain = bare(cookie.domain);
  for (let index = writes.length - 1; index >= 0; index--) {
    const write = writes[index] as CookieWrite;
    if (write.name !== cookie.name) continue;
    if (write.lifetimeSeconds !== null && write.lifetimeSeconds <= 0) continue;
    if ((write.domain ?? write.host) === domain) return write;
  }
  return undefined;
}

function hostOfOrigin(origin: string): string {
  return hostOf(origin);
}

export function aggregateItems(
  observations: readonly StateObservation[],
  siteDomain: string,
  classifier: Classifier,
): ReportItem[] {
  const rows = new Map<string, { row: Omit<ReportItem, "seen">; seen: Sighting[] }>();
  const sighted = (id: string, sighting: Sighting, make: () => Omit<ReportItem, "seen">) => {
    const entry = rows.get(id) ?? { row: make(), seen: [] };
    rows.set(id, entry);
    if (!entry.seen.some((seen) => seen.state === sighting.state)) entry.seen.push(sighting);
  };
  for (const observation of observations) {
    for (const cookie of observation.cookies) {
      const id = `cookie ${cookie.name} ${cookie.domain}${cookie.path === "/" ? "" : cookie.path}${cookie.partitionKey ? ` partitioned:${cookie.partitionKey}` : ""}`;
      sighted(id, { state: observation.state, page: cookie.page }, () => {
        const write = writeFor(cookie, observation.writes);
        const host = bare(cookie.domain);
        const setter = write?.setter ?? "unknown";
        const thirdParty = !sameSite(host, siteDomain);
        const setterHost = hostOf(setter);
        const classification = classifier.classify({
          type: "cookie",
          name: cookie.name,
          domain: cookie.domain,
          hosts: [
            ...(thirdParty ? [host] : []),
            ...(setterHost && !sameSite(setterHost, siteDomain) ? [setterHost] : []),
          ],
        });
        return {
          id,
          type: "cookie",
          name: cookie.name,
          domain: cookie.domain,
          path: cookie.path,
          httpOnly: cookie.httpOnly,
          secure: cookie.secure,
          sameSite: cookie.sameSite,
          partitioned: cookie.partitionKey !== undefined,
          ...(cookie.partitionKey === undefined ? {} : { partitionKey: cookie.partitionKey }),
          thirdParty,
          ...(write === undefined ? {} : { askedLifetime: roundedLifetime(write.lifetimeSeconds) }),
          storedLifetime: roundedLifetime(cookie.storedLifetime),
          setter,
          ...classified(classification),
        };
      });
    }
    for (const key of observation.storage) {
      const id = `${key.type} ${key.name} ${key.origin}`;
      sighted(id, { state: observation.state, page: key.page }, () => {
        const host = hostOfOrigin(key.origin);
        const thirdParty = !sameSite(host, siteDomain);
        const setter =
          key.type === "indexedDB"
            ? "unknown"
            : (observation.storageSetters.get(`${key.type} ${key.origin} ${key.name}`) ?? "unknown");
        const setterHost = hostOf(setter);
        const hosts = [
          ...(thirdParty ? [host] : []),
          ...(setterHost && !sameSite(setterHost, siteDomain) ? [setterHost] : []),
        ];
        // A configuration declares cookies and Web Storage keys only: a database is told by its host.
        const classification =
          key.type === "indexedDB"
            ? classifier.classifyHost(hosts)
            : classifier.classify({ type: key.type, name: key.name, hosts });
        return {
          id,
          type: key.type,
          name: key.name,
          domain: key.origin,
          partitioned: false,
          thirdParty,
          setter,
          ...classified(classification),
        };
      });
    }
  }
  return [...rows.values()]
    .map(({ row, seen }) => ({
      ...row,
      seen: seen.sort((a, b) => (STATE_ORDER.get(a.state) ?? 0) - (STATE_ORDER.get(b.state) ?? 0)),
    }))
    .sort((a, b) => compareText(a.id, b.id));
}

function classified(classification: ReturnType<Classifier["classify"]>) {
  const rule = classification.rule;
  return {
    category: classification.category,
    classifiedBy: classification.source,
    exempt: classification.exempt,
    ...(classification.service === undefined ? {} : { service: classification.service }),
    ...(rule === undefined
      ? {}
      : {
          declaredAs: {
            ...(rule.name === undefined ? {} : { name: rule.name }),
            ...(rule.pattern === undefined ? {} : { pattern: rule.pattern }),
            retention: rule.retention,
          },
        }),
  };
}

export function aggregateRefused(observations: readonly StateObservation[]): RefusedCookieReport[] {
  const rows = new Map<string, RefusedCookieReport>();
  for (const observation of observations) {
    for (const refused of observation.refused) {
      const key = `${refused.name} ${refused.domain} ${observation.state}`;
      if (!rows.has(key)) rows.set(key, { ...refused, state: observation.state });
    }
  }
  return [...rows.values()].sort(
    (a, b) =>
      compareText(`${a.name} ${a.domain}`, `${b.name} ${b.domain}`) ||
      (STATE_ORDER.get(a.state) ?? 0) - (STATE_ORDER.get(b.state) ?? 0),
  );
}

/** Whether a request to `host` is a tracker's: a known non-necessary vendor or a consent service's host. */
function requestCategory(
  host: string,
  config: MacaronConfig | undefined,
  vendors: readonly KnownVendor[],
): { vendor?: string; category: string; consentNeeded: boolean; declaredExempt?: boolean } {
  for (const service of config?.services ?? []) {
    if (
      service.hosts.some(
        (suffix) => host === suffix.replace(/^\*\./, "") || host.endsWith(`.${suffix.replace(/^\*\./, "")}`),
      )
    ) {
      const category = config?.categories.find((candidate) => candidate.id === service.category);
      const exempt = category?.basis === "exempt";
      return {
        vendor: service.id,
        category: service.category,
        consentNeeded: !exempt,
        declaredExempt: exempt,
      };
    }
  }
  const vendor = knownVendorForHost(host, vendors);
  if (vendor) {
    return {
      vendor: vendor.id,
      category: vendor.category,
      consentNeeded: vendor.category !== "necessary" && vendor.category !== "functional",
    };
  }
  return { category: "unknown", consentNeeded: false };
}

export function aggregateRequests(
  observations: readonly StateObservation[],
  siteDomain: string,
  config: MacaronConfig | undefined,
  vendors: readonly KnownVendor[],
): ReportRequest[] {
  const rows = new Map<string, { row: Omit<ReportRequest, "seen">; seen: Sighting[] }>();
  for (const observation of observations) {
    for (const request of observation.requests) {
      const host = hostOf(request.url);
      if (host === "" || sameSite(host, siteDomain)) continue;
      const { vendor, category, consentNeeded, declaredExempt } = requestCategory(host, config, vendors);
      const row: Omit<ReportRequest, "seen"> = {
        host,
        site: registrableDomain(host),
        type: request.type,
        initiator: request.initiator,
        carriedCookies: request.carriedCookies,
        beacon: request.beacon,
        pixel: request.pixel,
        ...(vendor === undefined ? {} : { vendor }),
        category,
        // A host declared exempt is the configuration's claim, judged on its items (tracker-declared-necessary).
        tracker: declaredExempt !== true && (consentNeeded || request.beacon || request.pixel),
      };
      const id = JSON.stringify(row);
      const entry = rows.get(id) ?? { row, seen: [] };
      rows.set(id, entry);
      if (!entry.seen.some((seen) => seen.state === observation.state))
        entry.seen.push({ state: observation.state, page: request.page });
    }
  }
  return [...rows.values()]
    .map(({ row, seen }) => ({
      ...row,
      seen: seen.sort((a, b) => (STATE_ORDER.get(a.state) ?? 0) - (STATE_ORDER.get(b.state) ?? 0)),
    }))
    .sort(
      (a, b) =>
        compareText(
          JSON.stringify([a.host, a.type, a.initiator]),
          JSON.stringify([b.host, b.type, b.initiator]),
        ) || compareText(JSON.stringify(a), JSON.stringify(b)),
    );
}
