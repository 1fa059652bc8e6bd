/**
 * The configuration handed to the browser SDK: everything it needs to ask, decide, gate and clean
 * up, already resolved (texts per language, durations parsed, Consent Mode map, GPC policy) and
 * carrying each notice's hash, so the browser does no validation of the policy and no hashing.
 * The server serves it at `GET /v1/policy`; a site may also inline it in
 * `<script type="application/json" id="macaron-config">`.
 */
import type { BANNER_BUTTONS, MacaronConfig, StorageType } from "./config-schema.ts";
import { type ConsentModeMap, consentModeMap } from "./consent-mode.ts";
import { declaredServices } from "./declared-services.ts";
import { type FixedDuration, parseDuration } from "./duration.ts";
import { type GpcPolicy, gpcPolicy } from "./gpc.ts";
import { defaultLanguage } from "./localize.ts";
import { type Notice, noticeFor, noticeHash } from "./notice.ts";

export const CLIENT_CONFIG_VERSION = 1;

export interface ClientStorageItem {
  readonly category: string;
  readonly service: string;
  readonly type: StorageType;
  readonly name?: string;
  readonly pattern?: string;
  readonly domain?: string;
}

export interface ClientNotice extends Notice {
  readonly hash: string;
}

export interface ClientConfig {
  readonly v: typeof CLIENT_CONFIG_VERSION;
  readonly revision: number;
  readonly consentValidity: FixedDuration;
  readonly languages: readonly string[];
  readonly defaultLanguage: string;
  readonly buttons: readonly (typeof BANNER_BUTTONS)[number][];
  readonly reloadOnWithdrawal: boolean;
  readonly categories: readonly { readonly id: string; readonly basis: "exempt" | "consent" }[];
  /** Every declared storage item, for the clean-up on withdrawal. */
  readonly items: readonly ClientStorageItem[];
  readonly consentMode: {
    readonly enabled: boolean;
    readonly mode: "basic" | "advanced";
    readonly waitForUpdate: number;
    readonly map: ConsentModeMap;
  };
  readonly gpc: GpcPolicy;
  /** Where proofs are sent; absent: no proof beacon. */
  readonly ledgerEndpoint?: string;
  /** Language → what is shown in it, with its hash. */
  readonly notices: Readonly<Record<string, ClientNotice>>;
}

/** Builds the SDK's configuration from a validated configuration. */
export async function clientConfig(config: MacaronConfig): Promise<ClientConfig> {
  const validity = parseDuration(config.consentValidity);
  if (validity === undefined || validity === "session") {
    throw new TypeError(
      "clientConfig needs a validated configuration (consentValidity is not a fixed duration)",
    );
  }
  const consentCategories = config.categories.filter((c) => c.basis === "consent").map((c) => c.id);
  const notices: Record<string, ClientNotice> = {};
  for (const language of config.languages) {
    notices[language] = { ...noticeFor(config, language), hash: await noticeHash(config, language) };
  }
  return {
    v: CLIENT_CONFIG_VERSION,
    revision: config.revision,
    consentValidity: validity,
    languages: config.languages,
    defaultLanguage: defaultLanguage(config),
    buttons: config.banner.buttons,
    reloadOnWithdrawal: config.banner.reloadOnWithdrawal,
    categories: config.categories.map(({ id, basis }) => ({ id, basis })),
    items: declaredServices(config).flatMap((service) =>
      service.cookies.map(({ type, name, pattern, domain }) => ({
        category: service.category,
        service: service.id,
        type,
        ...(name === undefined ? {} : { name }),
        ...(pattern === undefined ? {} : { pattern }),
        ...(domain === undefined ? {} : { domain }),
      })),
    ),
    consentMode: { ...config.consentMode, map: consentModeMap(config.categories) },
    gpc: gpcPolicy(config.gpc, consentCategories),
    ...(config.ledger.endpoint === undefined ? {} : { ledgerEndpoint: config.ledger.endpoint }),
    notices,
  };
}
