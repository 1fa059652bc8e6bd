/**
 * Global Privacy Control (https://privacycg.github.io/gpc-spec/): a browser signal that the
 * visitor objects to the sale or sharing of their data. Macaron records it in every proof,
 * pre-refuses the configured categories (advertising by default), and never reads it as consent.
 */

export interface GpcPolicy {
  readonly honour: boolean;
  /** Categories the signal refuses. */
  readonly refuse: readonly string[];
}

/** The categories a GPC signal refuses when the configuration does not list them. */
export const DEFAULT_GPC_REFUSALS = ["advertising"] as const;

export function gpcPolicy(
  gpc: { readonly honour: boolean; readonly refuse?: readonly string[] | undefined },
  consentCategories: readonly string[],
): GpcPolicy {
  const refuse = gpc.refuse ?? DEFAULT_GPC_REFUSALS.filter((id) => consentCategories.includes(id));
  return { honour: gpc.honour, refuse: gpc.honour ? refuse : [] };
}

/**
 * Applies the signal to the choices of a decision. General actions ("Accept all", an API call)
 * keep the refused categories off; a category the visitor switched on one by one in the
 * preferences (`explicit`) is their specific choice and wins over the general signal.
 */
export function applyGpc(
  choices: Readonly<Record<string, boolean>>,
  signal: boolean,
  policy: GpcPolicy,
  explicit: readonly string[] = [],
): Record<string, boolean> {
  const result = { ...choices };
  if (!signal) return result;
  for (const id of policy.refuse) if (id in result && !explicit.includes(id)) result[id] = false;
  return result;
}

/**
 * When the signal alone settles every consent category (all of them are refused by it), the SDK
 * records that decision (method `gpc`, layer `signal`) instead of showing a banner.
 */
export function gpcSettlesDecision(
  signal: boolean,
  policy: GpcPolicy,
  consentCategories: readonly string[],
): boolean {
  return (
    signal && consentCategories.length > 0 && consentCategories.every((id) => policy.refuse.includes(id))
  );
}
