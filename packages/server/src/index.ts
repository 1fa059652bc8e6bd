/** @macaron/server: the consent ledger and HTTP server. */
export type * from "./store/ledger-store.ts";
