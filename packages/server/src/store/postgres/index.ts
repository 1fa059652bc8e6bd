/** `@macaron/server/postgres`: the PostgreSQL ledger store, loaded only by those who use it. */
export { postgresConnection } from "./connection.ts";
export { POSTGRES_MIGRATIONS } from "./migrations.ts";
export { openPostgresLedgerStore } from "./postgres-ledger-store.ts";
