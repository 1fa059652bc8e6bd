/**
 * Exports a million proofs in flat memory: fills a ledger (SQLite file, then a PostgreSQL schema)
 * with N chained proofs, then streams them all through the CSV export into a sink that discards
 * them, sampling the process's resident memory. Reports the rate and the peak RSS growth.
 * The ledger is filled with the store's own `append` in batches of 5000 (one transaction each).
 * Run: `node --import tsx bench/ledger-store/export-memory.ts [N=1000000]`.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { LedgerStore, ProofInput } from "@macaron/server";
import { chunked, exportLines, openLedgerStore } from "@macaron/server";
import pg from "pg";
import { machineLine, markdownTable, writeResultsSection } from "../results.ts";

const COUNT = Number(process.argv[2] ?? 1_000_000);
const BATCH = 5000;
const POSTGRES_URL = process.env.MACARON_BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const CATEGORIES = ["necessary", "analytics", "advertising", "social"];

function proof(index: number): ProofInput {
  const decidedAt = new Date(Date.UTC(2026, 0, 1) + index * 1000).toISOString();
  return {
    record: {
      id: randomUUID(),
      subjectId: randomUUID(),
      decidedAt,
      expiresAt: "2027-01-01T00:00:00.000Z",
      revision: 1,
      noticeHash: "b".repeat(64),
      sdkVersion: "0.1.0",
      language: index % 3 === 0 ? "en" : "fr",
      uiLayer: "banner",
      method: index % 2 === 0 ? "accept-all" : "reject-all",
      categories: {
        necessary: true,
        analytics: index % 2 === 0,
        advertising: index % 2 === 0,
        social: false,
      },
      signals: { gpc: false },
      origin: "https://shop.example",
    },
    receivedAt: decidedAt,
    policyHash: "a".repeat(64),
    ipHash: "c".repeat(64),
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0",
  };
}

async function fill(store: LedgerStore): Promise<number> {
  const start = performance.now();
  for (let done = 0; done < COUNT; done += BATCH) {
    await store.append(
      Array.from({ length: Math.min(BATCH, COUNT - done) }, (_, index) => proof(done + index)),
    );
  }
  return COUNT / ((performance.now() - start) / 1000);
}

async function exportAll(
  store: LedgerStore,
): Promise<{ rate: number; baseMiB: number; peakMiB: number; bytes: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  const start = performance.now();
  await pipeline(
    Readable.from(chunked(exportLines("csv", store.streamProofs({}), { categories: CATEGORIES }))),
    sink,
  );
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { rate: COUNT / seconds, baseMiB: base / 2 ** 20, peakMiB: peak / 2 ** 20, bytes };
}

const rows: (string | number)[][] = [];
async function run(name: string, open: () => Promise<LedgerStore>): Promise<void> {
  const store = await open();
  try {
    const fillRate = await fill(store);
    console.log(name, "filled", Math.round(fillRate), "proofs/s");
    const result = await exportAll(store);
    console.log(name, result);
    rows.push([
      name,
      COUNT.toLocaleString("en"),
      Math.round(fillRate).toLocaleString("en"),
      Math.round(result.rate).toLocaleString("en"),
      `${Math.round(result.bytes / 2 ** 20)} MiB`,
      `${Math.round(result.baseMiB)} → ${Math.round(result.peakMiB)} MiB`,
    ]);
  } finally {
    await store.close();
  }
}

const loadAtStart = loadavg()[0] ?? 0;
const directory = mkdtempSync(join(tmpdir(), "macaron-bench-export-"));
const schema = `bench_export_${process.pid}`;
const admin = new pg.Client({ connectionString: POSTGRES_URL });
try {
  await run("SQLite", () => openLedgerStore(`sqlite:${join(directory, "export.db")}`));
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(POSTGRES_URL);
  url.searchParams.set("schema", schema);
  await run("PostgreSQL", () => openLedgerStore(url.toString()));
} finally {
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
  await admin.end().catch(() => {});
  rmSync(directory, { recursive: true, force: true });
}

writeResultsSection(
  "ledger-export-memory",
  `## Ledger export in flat memory (bench/ledger-store/export-memory.ts)

${machineLine()}, load average ${loadAtStart.toFixed(1)} at start. The ledger filled through
\`append\` (batches of ${BATCH}), then every proof streamed through the CSV export into a sink that
discards it; RSS sampled every 50 ms (before the export → its peak).

${markdownTable(["store", "proofs", "fill (proofs/s)", "export (proofs/s)", "CSV written", "RSS"], rows)}`,
);
