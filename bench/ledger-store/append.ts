/**
 * Durable append throughput of the ledger stores by batch size: how many proofs per second one
 * writer commits when it groups 1, 10, 100 or 1000 proofs per `append` (one transaction, one
 * fsync or WAL flush each), on a SQLite file and on PostgreSQL (127.0.0.1:5432, database `test`,
 * a throw-away schema), plus a full `verify` and a streamed export read of what was written.
 * Run: `node --import tsx bench/ledger-store/append.ts` (writes its section of bench/RESULTS.md).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { timeOrderedUuid } from "@macaron/core";
import type { LedgerStore, ProofInput } from "@macaron/server";
import { openLedgerStore } from "@macaron/server";
import pg from "pg";
import { machineLine, markdownTable, writeResultsSection } from "../results.ts";
import { benchProof } from "./proof-fixture.ts";

const POSTGRES_URL = process.env.MACARON_BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
/** Batch size → proofs appended (enough for a stable rate, short enough for the one-proof batches). */
const RUNS: readonly (readonly [number, number])[] = [
  [1, 1_000],
  [10, 5_000],
  [100, 20_000],
  [1000, 50_000],
];

function proof(): ProofInput {
  return benchProof(timeOrderedUuid());
}

async function measure(store: LedgerStore, batch: number, total: number): Promise<number> {
  const batches = Array.from({ length: total / batch }, () => Array.from({ length: batch }, proof));
  const start = performance.now();
  for (const proofs of batches) await store.append(proofs);
  return total / ((performance.now() - start) / 1000);
}

async function readRates(store: LedgerStore): Promise<{ verify: number; stream: number }> {
  let start = performance.now();
  const { checked } = await store.verify();
  const verify = checked / ((performance.now() - start) / 1000);
  start = performance.now();
  let streamed = 0;
  for await (const _ of store.streamProofs({})) streamed++;
  return { verify, stream: streamed / ((performance.now() - start) / 1000) };
}

async function bench(name: string, open: () => Promise<LedgerStore>): Promise<(string | number)[][]> {
  const rows: (string | number)[][] = [];
  const store = await open();
  try {
    for (const [batch, total] of RUNS) {
      const rate = await measure(store, batch, total);
      rows.push([name, `append, ${batch} per batch`, total, Math.round(rate).toLocaleString("en")]);
      console.log(name, batch, Math.round(rate));
    }
    const reads = await readRates(store);
    const all = RUNS.reduce((sum, [, total]) => sum + total, 0);
    rows.push([name, "verify (recompute every hash)", all, Math.round(reads.verify).toLocaleString("en")]);
    rows.push([name, "stream every proof (export read)", all, Math.round(reads.stream).toLocaleString("en")]);
  } finally {
    await store.close();
  }
  return rows;
}

const loadAtStart = loadavg()[0] ?? 0;
const directory = mkdtempSync(join(tmpdir(), "macaron-bench-store-"));
const schema = `bench_store_${process.pid}`;
const admin = new pg.Client({ connectionString: POSTGRES_URL });
const rows: (string | number)[][] = [];
try {
  rows.push(
    ...(await bench("SQLite (WAL, synchronous=FULL)", () =>
      openLedgerStore(`sqlite:${join(directory, "bench.db")}`),
    )),
  );
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(POSTGRES_URL);
  url.searchParams.set("schema", schema);
  rows.push(...(await bench("PostgreSQL (synchronous_commit=on)", () => openLedgerStore(url.toString()))));
} finally {
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
  await admin.end().catch(() => {});
  rmSync(directory, { recursive: true, force: true });
}

writeResultsSection(
  "ledger-store",
  `## Ledger store: durable appends by batch size (bench/ledger-store/append.ts)

${machineLine()}, load average ${loadAtStart.toFixed(1)} at start (other work shares these cores:
compare rows within this run, not with other runs). One writer, sequential \`append\` calls, each batch one durable transaction; then
a full \`verify\` and a streamed read of everything written. Proofs per second.

${markdownTable(["store", "operation", "proofs", "proofs/s"], rows)}

Grouping matters more than the engine: every batch pays one fsync (SQLite) or WAL flush
(PostgreSQL), so the HTTP layer's group commit (all waiting proofs in one \`append\`) is what makes
durable proofs cheap.`,
);
