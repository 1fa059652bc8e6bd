/**
 * The seed policy's configuration, adapted to where the demo really runs: the stand-ins' host
 * names join the hosts of the services they imitate (so the scanner classifies their requests),
 * and the demo's own origin may send proofs to the ledger.
 */
import { readFileSync } from "node:fs";
import type { MacaronConfigInput } from "@macaron/core";
import { THIRD_PARTY_HOSTS, type ThirdParty } from "./third-party-hosts.ts";

export const SEED_CONFIG_FILE = new URL("../macaron.config.json", import.meta.url);

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
      return standIn
        ? { ...service, hosts: [...(service.hosts ?? []), THIRD_PARTY_HOSTS[standIn]] }
        : service;
    }),
  };
}

function readSeed(): MacaronConfigInput {
  return JSON.parse(readFileSync(SEED_CONFIG_FILE, "utf8")) as MacaronConfigInput;
}
