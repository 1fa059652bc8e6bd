/** The ledger conformance suite on the real PostgreSQL, each test in a schema of its own. */
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openLedgerStore } from "../../src/store/open-ledger-store.ts";
import { openPostgresLedgerStore } from "../../src/store/postgres/index.ts";
import { POSTGRES_URL, postgresReachable, testSchema } from "./fixtures/postgres.ts";
import { proofInput, proofSeries } from "./fixtures/proofs.ts";
import { ledgerStoreSuite } from "./ledger-store.suite.ts";

const reachable = await postgresReachable();

describe.runIf(reachable)("PostgreSQL", () => {
  ledgerStoreSuite("PostgreSQL", async () => {
    const schema = await testSchema();
    return { open: () => openLedgerStore(schema.url), sql: schema.sql, dispose: schema.drop };
  });

  describe("the PostgreSQL ledger", () => {
    it("keeps one gapless chain when two stores (two server instances) append at once", async () => {
      const schema = await testSchema("instances");
      const [first, second] = await Promise.all([
        openPostgresLedgerStore(schema.url),
        openPostgresLedgerStore(schema.url),
      ]);
      try {
        await Promise.all(
          Array.from({ length: 30 }, (_, index) =>
            (index % 2 === 0 ? first : second).append(proofSeries(10)),
          ),
        );
        expect(await first.verify()).toEqual({ checked: 300 });
      } finally {
        await first.close();
        await second.close();
        await schema.drop();
      }
    });

    it("answers a record another instance stored after this one's last append as a duplicate, chain intact", async () => {
      const schema = await testSchema("crossed");
      const [first, second] = await Promise.all([
        openPostgresLedgerStore(schema.url),
        openPostgresLedgerStore(schema.url),
      ]);
      try {
        await first.append([proofInput()]);
        const shared = proofInput();
        const [storedBySecond] = await second.append([shared]);
        const fresh = proofInput();
        const results = await first.append([shared, fresh]);
        expect(results).toEqual([
          { recordId: shared.record.id, hash: storedBySecond?.hash, duplicate: true },
          { recordId: fresh.record.id, hash: expect.any(String), duplicate: false },
        ]);
        await second.append([proofInput()]);
        await first.append([proofInput()]);
        expect(await first.verify()).toEqual({ checked: 5 });
      } finally {
        await first.close();
        await second.close();
        await schema.drop();
      }
    });

    it("finds stored record ids through the index from the first append on an empty ledger, never by reading the table", async () => {
      // An append's statement keeps the plan it got when the table was empty: a table scan there
      // would cost every later append the whole ledger.
      const schema = await testSchema("lookups");
      const store = await openPostgresLedgerStore(schema.url);
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        const appends = 21;
        for (let index = 0; index < appends; index++) await store.append(proofSeries(5));
        await store.close();
        // A backend's table statistics reach the shared counters when it exits, which follows the close.
        const reads = async () => {
          const { rows } = await client.query<{ seq_tup_read: string; idx_scan: string }>(
            "SELECT seq_tup_read, idx_scan FROM pg_stat_user_tables WHERE schemaname = $1 AND relname = 'proofs'",
            [new URL(schema.url).searchParams.get("schema")],
          );
          return { tableRowsRead: Number(rows[0]?.seq_tup_read), indexScans: Number(rows[0]?.idx_scan) };
        };
        const deadline = Date.now() + 10_000;
        while ((await reads()).indexScans < appends && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 100));
        const { tableRowsRead, indexScans } = await reads();
        expect(indexScans).toBeGreaterThanOrEqual(appends);
        expect(tableRowsRead).toBe(0);
      } finally {
        await store.close().catch(() => {});
        await client.end();
        await schema.drop();
      }
    });

    it("creates its tables in the schema named by the URL, and nowhere else", async () => {
      const schema = await testSchema("placement");
      const store = await openLedgerStore(schema.url);
      await store.close();
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        const name = new URL(schema.url).searchParams.get("schema");
        const { rows } = await client.query<{ table_name: string }>(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name",
          [name],
        );
        expect(rows.map((row) => row.table_name)).toEqual([
          "admin_tokens",
          "chain_state",
          "policy_revisions",
          "proofs",
          "pseudonym_keys",
          "schema_migrations",
        ]);
      } finally {
        await client.end();
        await schema.drop();
      }
    });

    it("refuses a schema name that is not a plain identifier", async () => {
      await expect(openLedgerStore(`${POSTGRES_URL}?schema=x;drop`)).rejects.toMatchObject({
        code: "LEDGER_URL_UNSUPPORTED",
      });
    });
  });
});
