/** @macaron/server: the consent ledger and HTTP server. */

export { ADMIN_CSP, type AdminPluginOptions, adminPlugin } from "./admin/plugin.ts";
export { type BuildServerOptions, buildServer, DEFAULT_RATE_LIMIT } from "./build-server.ts";
export { GENESIS_HASH, proofContentJson, proofHash } from "./chain/proof-hash.ts";
export { type ChainPoint, type ChainRow, verifyChain } from "./chain/verify-chain.ts";
export { HTTP_ERRORS } from "./http/errors.ts";
export { PolicyRevisions, type PublishedPolicy, publishPolicy } from "./policy-revisions.ts";
export { ProofWriter, type ProofWriterOptions } from "./proof-writer.ts";
export { IpPseudonymiser, pseudonymPeriod } from "./pseudonymise-ip.ts";
export { LEDGER_ERRORS } from "./store/errors.ts";
export type * from "./store/ledger-store.ts";
export { DEFAULT_DATABASE_URL, openLedgerStore } from "./store/open-ledger-store.ts";
