/**
 * Where the demo's third-party stand-ins live: separate host names under `.localhost`, which
 * browsers resolve to the loopback address, served by the shop's own process on its port. To the
 * browser they are other sites, as Google's, Meta's and Instagram's hosts are to a real shop.
 */
export const THIRD_PARTY_HOSTS = {
  analytics: "analytics.localhost",
  ads: "ads.localhost",
  pixel: "connect.facebook.localhost",
  instagram: "instagram.localhost",
} as const;

export type ThirdParty = keyof typeof THIRD_PARTY_HOSTS;

/** The origin of a stand-in as seen from a page served on `pageHost` (host:port of the request). */
export function thirdPartyOrigin(party: ThirdParty, pageHost: string): string {
  const port = /:(\d+)$/.exec(pageHost)?.[1];
  return `http://${THIRD_PARTY_HOSTS[party]}${port ? `:${port}` : ""}`;
}

/** Matches a request's Host header against a stand-in's host name, on any port. */
export function hostConstraint(party: ThirdParty): RegExp {
  return new RegExp(`^${THIRD_PARTY_HOSTS[party].replaceAll(".", "\\.")}(:\\d+)?$`);
}
