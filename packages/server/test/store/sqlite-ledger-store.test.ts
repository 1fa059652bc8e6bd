/** The ledger conformance suite on a real SQLite file, plus what only SQLite has (pragmas, file). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openLedgerStore } from "../../src/store/open-ledger-store.ts";
import { proofInput, proofSeries } from "./fixtures/proofs.ts";
import { ledgerStoreSuite } from "./ledger-store.suite.ts";

function freshFile(): { path: string; remove(): void } {
  const directory = mkdtempSync(join(tmpdir(), "macaron-ledger-"));
  return {
    path: join(directory, "ledger.db"),
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}

/** Runs `test` with the path of a new ledger file, and removes its folder after. */
async function withLedgerFile(test: (path: string) => Promise<void>): Promise<void> {
  const file = freshFile();
  try {
    await test(file.path);
  } finally {
    file.remove();
  }
}

/** `use` on a connection of its own to the file, as another tool (or an attacker) would open it. */
function onDatabase<T>(path: string, use: (db: Database.Database) => T, options?: Database.Options): T {
  const db = new Database(path, options);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

ledgerStoreSuite("SQLite", async () => {
  const file = freshFile();
  return {
    open: () => openLedgerStore(`sqlite:${file.path}`),
    async sql(statement) {
      onDatabase(file.path, (db) => db.exec(statement));
    },
    async dispose() {
      file.remove();
    },
  };
});

describe("the SQLite ledger file", () => {
  it("is in WAL mode with full sync, and records its migrations once", () =>
    withLedgerFile(async (path) => {
      await (await openLedgerStore(`sqlite:${path}`)).close();
      const store = await openLedgerStore(`sqlite:${path}`);
      await store.close();
      onDatabase(
        path,
        (db) => {
          expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
          expect(db.prepare("SELECT version, name FROM schema_migrations").all()).toEqual([
            { version: 1, name: "ledger" },
            { version: 2, name: "subject full-text index" },
          ]);
        },
        { readonly: true },
      );
    }));

  it("moves a ledger of the first schema to the subject index with every subject still found", () =>
    withLedgerFile(async (path) => {
      const subjectId = "44444444-4444-4444-8444-444444444444";
      const inputs = [proofInput({ subjectId }), proofInput(), proofInput({ subjectId })];
      const store = await openLedgerStore(`sqlite:${path}`);
      await store.append(inputs);
      await store.close();
      // Back to the first schema, as a ledger written by the release before migration 2.
      onDatabase(path, (db) =>
        db.exec(`DROP TABLE proof_subjects; CREATE INDEX proofs_subject ON proofs (subject_id, seq);
          DELETE FROM schema_migrations WHERE version = 2;`),
      );

      const migrated = await openLedgerStore(`sqlite:${path}`);
      expect((await migrated.subjectHistory(subjectId)).map((proof) => proof.record.id)).toEqual([
        inputs[0]?.record.id,
        inputs[2]?.record.id,
      ]);
      const other = inputs[1]?.record.subjectId as string;
      expect((await migrated.subjectHistory(other)).map((proof) => proof.record.id)).toEqual([
        inputs[1]?.record.id,
      ]);
      expect(await migrated.verify()).toEqual({ checked: 3 });
      await migrated.close();
      const indexes = onDatabase(
        path,
        (db) =>
          db
            .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'proofs'")
            .pluck()
            .all(),
        { readonly: true },
      );
      expect(indexes).not.toContain("proofs_subject");
    }));

  it("forgets a purged proof's subject in its index", () =>
    withLedgerFile(async (path) => {
      const subjectId = "55555555-5555-4555-8555-555555555555";
      const store = await openLedgerStore(`sqlite:${path}`);
      await store.append([
        ...proofSeries(2, "2020-01-01T00:00:00Z", { subjectId }),
        ...proofSeries(1, "2026-11-01T00:00:00Z", { subjectId }),
      ]);
      await store.purge("2021-01-01");
      await store.close();
      const indexed = onDatabase(
        path,
        (db) =>
          db
            .prepare("SELECT rowid FROM proof_subjects WHERE proof_subjects MATCH ?")
            .pluck()
            .all(`"${subjectId}"`),
        { readonly: true },
      );
      expect(indexed).toEqual([3]);
    }));

  it("names in verify a proof dropped from the subject index, which would hide it from its visitor", () =>
    withLedgerFile(async (path) => {
      const inputs = proofSeries(3);
      const store = await openLedgerStore(`sqlite:${path}`);
      await store.append(inputs);
      expect(await store.verify()).toEqual({ checked: 3 });
      onDatabase(path, (db) => db.prepare("DELETE FROM proof_subjects WHERE rowid = 2").run());
      expect(await store.subjectHistory(inputs[1]?.record.subjectId as string)).toEqual([]);
      expect(await store.verify()).toEqual({
        checked: 3,
        firstBreak: {
          seq: 2,
          recordId: inputs[1]?.record.id,
          reason: expect.stringMatching(/subject index/),
        },
      });
      await store.close();
    }));

  it("refuses a database migrated by a newer version", () =>
    withLedgerFile(async (path) => {
      await (await openLedgerStore(`sqlite:${path}`)).close();
      onDatabase(path, (db) =>
        db.prepare("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01')").run(),
      );
      await expect(openLedgerStore(`sqlite:${path}`)).rejects.toMatchObject({
        code: "LEDGER_SCHEMA_NEWER",
      });
    }));

  it("creates the folder of a new ledger file", () =>
    withLedgerFile(async (path) => {
      const store = await openLedgerStore(`sqlite:${join(path, "..", "data", "nested", "ledger.db")}`);
      await store.close();
    }));

  it("says which file it cannot open, and why", async () => {
    await expect(openLedgerStore("sqlite:/dev/null/ledger.db")).rejects.toMatchObject({
      code: "LEDGER_UNREACHABLE",
      message: expect.stringContaining("/dev/null/ledger.db"),
    });
  });

  it("says which database it cannot reach, without its password", async () => {
    const error = await openLedgerStore("postgres://macaron:s3cret@127.0.0.1:1/ledger").catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: "LEDGER_UNREACHABLE" });
    expect(String((error as Error).message)).toContain("postgres://macaron:…@127.0.0.1:1/ledger");
    expect(String((error as Error).message)).not.toContain("s3cret");
  });

  it("refuses a URL it cannot open", async () => {
    await expect(openLedgerStore("mysql://localhost/db")).rejects.toMatchObject({
      code: "LEDGER_URL_UNSUPPORTED",
    });
    await expect(openLedgerStore("sqlite:")).rejects.toMatchObject({ code: "LEDGER_URL_UNSUPPORTED" });
  });
});
