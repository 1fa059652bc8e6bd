/**
 * `macaron verify`, `export`, `purge` and `token create` on a real SQLite ledger file, through
 * `main([...])` as the `macaron` binary runs it (and one export through the binary itself).
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { ConsentRecord } from "@macaron/core";
import { openLedgerStore, type ProofInput } from "@macaron/server";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../src/main.ts";
import type { Output } from "../src/output.ts";

const BIN = fileURLToPath(new URL("../bin/macaron.js", import.meta.url));
const SEED = fileURLToPath(new URL("../../../examples/shop/macaron.config.json", import.meta.url));

function proof(receivedAt: string, method: ConsentRecord["method"] = "accept-all"): ProofInput {
  const granted = method === "accept-all";
  return {
    record: {
      id: randomUUID(),
      subjectId: randomUUID(),
      decidedAt: receivedAt,
      expiresAt: new Date(Date.parse(receivedAt) + 180 * 86_400_000).toISOString(),
      revision: 1,
      noticeHash: "b".repeat(64),
      sdkVersion: "0.1.0",
      language: "fr",
      uiLayer: "banner",
      method,
      categories: { necessary: true, analytics: granted, advertising: granted, social: granted },
      signals: { gpc: false },
      origin: "https://lespetitsprodiges.com",
    },
    receivedAt,
    policyHash: "a".repeat(64),
    ipHash: null,
    userAgent: "Mozilla/5.0",
  };
}

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const output: Output = { out: (line) => out.push(line), err: (line) => err.push(line) };
  return { code: await main(argv, output), out, err };
}

describe("ledger commands", () => {
  let directory: string;
  let file: string;
  let db: string;
  let proofs: ProofInput[];

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), "macaron-ledger-cli-"));
    file = join(directory, "ledger.db");
    db = `sqlite:${file}`;
    proofs = [
      proof("2019-03-01T10:00:00.000Z", "reject-all"),
      proof("2020-06-01T10:00:00.000Z"),
      proof("2026-11-02T10:00:00.000Z"),
      proof("2026-11-03T10:00:00.000Z", "reject-all"),
    ];
    const store = await openLedgerStore(db);
    await store.publishRevision({
      revision: 1,
      contentHash: "a".repeat(64),
      content: JSON.stringify({
        categories: ["necessary", "analytics", "advertising", "social"].map((id) => ({ id })),
      }),
      noticeHashes: {},
    });
    await store.append(proofs);
    await store.close();
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  describe("macaron verify", () => {
    it("exits 0 on an intact chain", async () => {
      const result = await run("verify", "--db", db);
      expect(result.code).toBe(0);
      expect(result.out[0]).toMatch(/^chain intact: 4 proof\(s\) verified/);
    });

    it("exits 1 and names the proof edited directly in the database", async () => {
      const sqlite = new Database(file);
      sqlite
        .prepare("UPDATE proofs SET content = replace(content, 'reject-all', 'accept-all') WHERE seq = 4")
        .run();
      sqlite.close();
      const result = await run("verify", "--db", db);
      expect(result.code).toBe(1);
      expect(result.err[0]).toBe(
        `chain broken at proof seq 4 (record ${proofs[3]?.record.id}): its hash does not match its stored content`,
      );
    });

    it("reads the ledger from DATABASE_URL when --db is not given", async () => {
      const saved = process.env.DATABASE_URL;
      process.env.DATABASE_URL = db;
      try {
        expect((await run("verify")).out[0]).toMatch(/4 proof\(s\) verified in sqlite:/);
      } finally {
        if (saved === undefined) delete process.env.DATABASE_URL;
        else process.env.DATABASE_URL = saved;
      }
    });
  });

  describe("macaron export", () => {
    it("writes the proofs decided in the range as CSV, one column per category", async () => {
      const out = join(directory, "exports", "november.csv");
      const result = await run(
        "export",
        "--db",
        db,
        "--from",
        "2026-11-01",
        "--to",
        "2026-12-01",
        "--out",
        out,
      );
      expect(result.code).toBe(0);
      expect(result.out[0]).toBe(`exported 2 proof(s) as csv to ${out}`);
      const lines = readFileSync(out, "utf8").split("\r\n");
      expect(lines[0]).toMatch(
        /,category:necessary,category:analytics,category:advertising,category:social$/,
      );
      expect(lines[1]).toContain(proofs[2]?.record.id);
      expect(lines[1]).toMatch(/,granted,granted,granted,granted$/);
      expect(lines[2]).toMatch(/,granted,refused,refused,refused$/);
      expect(lines.slice(3)).toEqual([""]);
    });

    it("writes NDJSON and Kantara receipts naming the configured controller", async () => {
      const ndjson = join(directory, "all.ndjson");
      expect((await run("export", "--db", db, "--format", "ndjson", "--out", ndjson)).code).toBe(0);
      const stored = readFileSync(ndjson, "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line));
      expect(stored.map((line) => line.record.id)).toEqual(proofs.map((p) => p.record.id));
      const receipts = join(directory, "receipts.ndjson");
      expect(
        (await run("export", "--db", db, "--format", "kantara", "--config", SEED, "--out", receipts)).code,
      ).toBe(0);
      const first = JSON.parse(readFileSync(receipts, "utf8").split("\n")[0] ?? "");
      expect(first).toMatchObject({
        version: "KI-CR-v1.1.0",
        consentReceiptID: proofs[0]?.record.id,
        piiControllers: [{ piiController: "CAMILLE & CLEMENTINE SAS" }],
      });
    });

    it("streams to standard output from the real binary", async () => {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [
        BIN,
        "export",
        "--db",
        db,
        "--format",
        "ndjson",
      ]);
      expect(stdout.trim().split("\n")).toHaveLength(4);
      expect(stderr).toContain("exported 4 proof(s) as ndjson to standard output");
    });

    it("stops quietly when the reader of standard output goes away", async () => {
      // More than a pipe buffer of NDJSON, so the writer outlives its reader.
      const store = await openLedgerStore(db);
      await store.append(Array.from({ length: 300 }, () => proof("2026-11-04T10:00:00.000Z")));
      await store.close();
      const script = `set -o pipefail; "${process.execPath}" "${BIN}" export --db "${db}" --format ndjson | head -c 100 > /dev/null`;
      const { stderr } = await promisify(execFile)("bash", ["-c", script]);
      expect(stderr).not.toMatch(/EPIPE|Error/);
    });

    it("exits 2 on a date or format it cannot read", async () => {
      const badDate = await run("export", "--db", db, "--from", "last week");
      expect(badDate.code).toBe(2);
      expect(badDate.err[0]).toMatch(/--from last week: expected an ISO 8601 date/);
      expect((await run("export", "--db", db, "--format", "xml")).code).toBe(2);
    });
  });

  describe("macaron purge", () => {
    it("counts on a dry run, purges past the configured retention, and verify still passes", async () => {
      const seed = JSON.parse(readFileSync(SEED, "utf8"));
      const config = join(directory, "macaron.config.json");
      writeFileSync(config, JSON.stringify({ ...seed, ledger: { proofRetention: "5 years" } }));
      const dry = await run("purge", "--db", db, "--config", config, "--dry-run");
      expect(dry.code).toBe(0);
      // Today minus 5 years lies after 2020-06: both old proofs, the refusal included.
      expect(dry.out[0]).toMatch(
        /^would purge 2 proof\(s\) received before \d{4}-.*\(retention 5 years\); nothing deleted$/,
      );
      expect((await run("verify", "--db", db)).out[0]).toMatch(/4 proof\(s\) verified/);
      const purged = await run("purge", "--db", db, "--config", config);
      expect(purged.out[0]).toMatch(/^purged 2 proof\(s\)/);
      const verified = await run("verify", "--db", db);
      expect(verified.code).toBe(0);
      expect(verified.out[0]).toMatch(/2 proof\(s\) verified/);
    });

    it("uses the retention written in the configuration", async () => {
      const seed = JSON.parse(readFileSync(SEED, "utf8"));
      const config = join(directory, "short.json");
      writeFileSync(config, JSON.stringify({ ...seed, ledger: { proofRetention: "20 years" } }));
      expect((await run("purge", "--db", db, "--config", config, "--dry-run")).out[0]).toMatch(
        /^would purge 0 proof/,
      );
    });
  });

  describe("macaron token create", () => {
    it("prints a token once on standard output that the ledger then accepts", async () => {
      const result = await run("token", "create", "--db", db, "--name", "ci");
      expect(result.code).toBe(0);
      expect(result.out).toHaveLength(1);
      const token = result.out[0] as string;
      expect(result.err[0]).toMatch(/\("ci"\) created; it is shown only now/);
      const store = await openLedgerStore(db);
      try {
        expect(await store.checkToken(token)).toMatchObject({ name: "ci" });
      } finally {
        await store.close();
      }
    });
  });
});

const POSTGRES_URL = process.env.MACARON_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    if (process.env.CI === "true") throw error;
    return false;
  }
}

describe.runIf(await postgresReachable())("ledger commands on PostgreSQL", () => {
  it("verify names the proof edited directly in the database, purge keeps it verifiable", async () => {
    const schema = `cli_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const url = new URL(POSTGRES_URL);
    url.searchParams.set("schema", schema);
    const db = url.toString();
    try {
      const proofs = [
        proof("2019-03-01T10:00:00.000Z"),
        proof("2026-11-02T10:00:00.000Z"),
        proof("2026-11-03T10:00:00.000Z"),
      ];
      const store = await openLedgerStore(db);
      await store.append(proofs);
      await store.close();
      expect((await run("purge", "--db", db, "--dry-run")).out[0]).toMatch(/^would purge 1 proof/);
      expect((await run("purge", "--db", db)).out[0]).toMatch(/^purged 1 proof/);
      expect((await run("verify", "--db", db)).out[0]).toMatch(/^chain intact: 2 proof\(s\) verified/);
      await admin.query(
        `UPDATE ${schema}.proofs SET content = replace(content, 'Mozilla', 'Forged') WHERE seq = 3`,
      );
      const broken = await run("verify", "--db", db);
      expect(broken.code).toBe(1);
      expect(broken.err[0]).toBe(
        `chain broken at proof seq 3 (record ${proofs[2]?.record.id}): its hash does not match its stored content`,
      );
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  });
});
