/** The origins that may send proofs and read the policy cross-origin: `site.origins`, else the site URL's. */
import type { MacaronConfig } from "@macaron/core";

export function allowedOrigins(config: MacaronConfig): readonly string[] {
  const configured = config.site.origins ?? [config.site.url];
  return [...new Set(configured.map((origin) => new URL(origin).origin))];
}
