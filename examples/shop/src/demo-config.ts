/**
 * The seed policy's configuration, adapted to where the demo really runs: the stand-ins' host
 * names join the hosts of the services they imitate (so the scanner classifies their requests),
 * and the demo's own origin may send proofs to the ledger. One correction too: the seed declares
 * Google Analytics' cookies for Google's default 2 years, which `macaron validate` warns about and
 * the scanner reports (the CNIL caps trackers at 13 months); the demo configures its analytics tag
 * with `cookie_expires` of 13 months and declares that.
 */
import { readFileSync } from "node:fs";
import type { MacaronConfigInput } from "@macaron/core";
import { THIRD_PARTY_HOSTS, type ThirdParty } from "./third-party-hosts.ts";

export const SEED_CONFIG_FILE = new URL("../macaron.config.json", import.meta.url);

const ANALYTICS_RETENTION = "13 months";
/** The analytics tag's `cookie_expires`: 395 days, within the declared 13 months. */
export const ANALYTICS_COOKIE_SECONDS = 395 * 24 * 3600;

const STAND_IN_OF_SERVICE: Readonly<Record<string, ThirdParty>> = {
  "google-analytics": "analytics",
  "google-ads": "ads",
  "meta-pixel": "pixel",
  instagram: "instagram",
};

export function demoConfig(origin: string, seed: MacaronConfigInput = readSeed()): MacaronConfigInput {
  return {
    ...seed,
    site: { ...seed.site, origins: [...(seed.site.origins ?? []), origin] },
    services: (seed.services ?? []).map((service) => {
      const standIn = STAND_IN_OF_SERVICE[service.id];
      const adapted = standIn
        ? { ...service, hosts: [...(service.hosts ?? []), THIRD_PARTY_HOSTS[standIn]] }
        : service;
      return service.id === "google-analytics"
        ? {
            ...adapted,
            cookies: (adapted.cookies ?? []).map((cookie) => ({ ...cookie, retention: ANALYTICS_RETENTION })),
          }
        : adapted;
    }),
  };
}

function readSeed(): MacaronConfigInput {
  return JSON.parse(readFileSync(SEED_CONFIG_FILE, "utf8")) as MacaronConfigInput;
}
