/** The ledger conformance suite on a real SQLite file, plus what only SQLite has (pragmas, file). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openLedgerStore } from "../../src/store/open-ledger-store.ts";
import { ledgerStoreSuite } from "./ledger-store.suite.ts";

function freshFile(): { path: string; remove(): void } {
  const directory = mkdtempSync(join(tmpdir(), "macaron-ledger-"));
  return {
    path: join(directory, "ledger.db"),
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}

ledgerStoreSuite("SQLite", async () => {
  const file = freshFile();
  return {
    open: () => openLedgerStore(`sqlite:${file.path}`),
    async sql(statement) {
      const db = new Database(file.path);
      try {
        db.exec(statement);
      } finally {
        db.close();
      }
    },
    async dispose() {
      file.remove();
    },
  };
});

describe("the SQLite ledger file", () => {
  it("is in WAL mode with full sync, and records its migrations once", async () => {
    const file = freshFile();
    try {
      await (await openLedgerStore(`sqlite:${file.path}`)).close();
      const store = await openLedgerStore(`sqlite:${file.path}`);
      await store.close();
      const db = new Database(file.path, { readonly: true });
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(db.prepare("SELECT version, name FROM schema_migrations").all()).toEqual([
        { version: 1, name: "ledger" },
      ]);
      db.close();
    } finally {
      file.remove();
    }
  });

  it("refuses a database migrated by a newer version", async () => {
    const file = freshFile();
    try {
      await (await openLedgerStore(`sqlite:${file.path}`)).close();
      const db = new Database(file.path);
      db.prepare("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01')").run();
      db.close();
      await expect(openLedgerStore(`sqlite:${file.path}`)).rejects.toMatchObject({
        code: "LEDGER_SCHEMA_NEWER",
      });
    } finally {
      file.remove();
    }
  });

  it("creates the folder of a new ledger file", async () => {
    const file = freshFile();
    try {
      const store = await openLedgerStore(`sqlite:${join(file.path, "..", "data", "nested", "ledger.db")}`);
      await store.close();
    } finally {
      file.remove();
    }
  });

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
