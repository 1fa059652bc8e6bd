/**
 * What the order of proof ids costs a ledger that already holds many proofs: the group commit of
 * 20 proofs into a ledger of 300,000, with random proof ids (UUIDv4: each insert lands on a random
 * page of the unique index) and with time-ordered ones (UUIDv7, what the SDK sends: inserts land
 * at the index's right edge). Subject ids stay random in both, as the SDK makes them. SQLite file
 * and PostgreSQL (127.0.0.1:5432, database `test`, a throw-away schema).
 * Run: `node --import tsx bench/ledger-store/id-order.ts` (writes its section of bench/RESULTS.md).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { randomUuid, timeOrderedUuid } from "@macaron/core";
import type { LedgerStore, ProofInput } from "@macaron/server";
import { openLedgerStore } from "@macaron/server";
import pg from "pg";
import { machineLine, markdownTable, writeResultsSection } from "../results.ts";
import { benchProof } from "./proof-fixture.ts";

const POSTGRES_URL = process.env.MACARON_BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const PREFILL = 300_000;
const GROUP = 20;
const GROUPS = 1_500;

type IdOrder = "random (v4)" | "time-ordered (v7)";

function proof(order: IdOrder): ProofInput {
  return benchProof(order === "random (v4)" ? randomUuid() : timeOrderedUuid());
}

const batch = (order: IdOrder, size: number) => Array.from({ length: size }, () => proof(order));

async function commitTimes(store: LedgerStore, order: IdOrder): Promise<(string | number)[]> {
  for (let filled = 0; filled < PREFILL; filled += 1000) await store.append(batch(order, 1000));
  const times: number[] = [];
  for (let index = 0; index < GROUPS; index++) {
    const proofs = batch(order, GROUP);
    const start = performance.now();
    await store.append(proofs);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (share: number) => (times[Math.floor(share * (times.length - 1))] as number).toFixed(2);
  const mean = times.reduce((sum, time) => sum + time, 0) / times.length;
  return [order, at(0.5), at(0.9), at(0.99), mean.toFixed(2), Math.round((GROUP * 1000) / mean)];
}

async function measure(store: string, open: () => Promise<LedgerStore>): Promise<(string | number)[][]> {
  const rows: (string | number)[][] = [];
  for (const order of ["random (v4)", "time-ordered (v7)"] as const) {
    const ledger = await open();
    try {
      const row = [store, ...(await commitTimes(ledger, order))];
      console.log(row.join(" | "));
      rows.push(row);
    } finally {
      await ledger.close();
    }
  }
  return rows;
}

const loadAtStart = loadavg()[0] ?? 0;
const directory = mkdtempSync(join(tmpdir(), "macaron-bench-id-order-"));
const admin = new pg.Client({ connectionString: POSTGRES_URL });
await admin.connect();
const schemas: string[] = [];
const rows: (string | number)[][] = [];
try {
  let file = 0;
  rows.push(
    ...(await measure("SQLite (WAL, synchronous=FULL)", () =>
      openLedgerStore(`sqlite:${join(directory, `ledger-${file++}.db`)}`),
    )),
  );
  rows.push(
    ...(await measure("PostgreSQL (synchronous_commit=on)", async () => {
      const schema = `bench_id_order_${process.pid}_${schemas.length}`;
      schemas.push(schema);
      await admin.query(`CREATE SCHEMA ${schema}`);
      const url = new URL(POSTGRES_URL);
      url.searchParams.set("schema", schema);
      return openLedgerStore(url.toString());
    })),
  );
} finally {
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
  await admin.end().catch(() => {});
  rmSync(directory, { recursive: true, force: true });
}

writeResultsSection(
  "ledger-id-order",
  `## Ledger store: proof id order in a full ledger (bench/ledger-store/id-order.ts)

${machineLine()}, load average ${loadAtStart.toFixed(1)} at start. A fresh ledger filled with
${PREFILL.toLocaleString("en")} proofs, then ${GROUPS.toLocaleString("en")} group commits of
${GROUP} proofs each (one \`append\`, one durable transaction), timed one by one. Subject ids are
random in every row; only the proof id, the ledger's idempotency key and unique index, changes.

${markdownTable(["store", "proof ids", "p50 ms", "p90 ms", "p99 ms", "mean ms", "proofs/s at this group size"], rows)}

A random id puts each insert on a random leaf of the unique index, so every commit dirties
(and, in SQLite, writes to the WAL) about one index page per proof; time-ordered ids fill the
index's last page. The SDK therefore sends UUIDv7 proof ids and keeps the subject id, which lets a
visitor read their own history, fully random; on SQLite that id's index is an FTS5 table, whose
sorted segments take a commit's entries together (docs/scaling.md, "The subject index on SQLite").`,
);
