/**
 * An acknowledged proof is never lost: a burst of proofs, the server killed with SIGKILL in the
 * middle, restarted on the same database; every proof answered 201 is there and the chain verifies.
 * On a SQLite file and on PostgreSQL.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { clientConfig } from "@macaron/core";
import { describe, expect, it } from "vitest";
import { openLedgerStore } from "../../src/store/open-ledger-store.ts";
import { postRecord, seedConfig, validRecord } from "./fixtures/ledger-server.ts";
import { createSchema, postgresAvailable } from "./fixtures/postgres-schema.ts";

const hasPostgres = await postgresAvailable();
const ENTRY = fileURLToPath(new URL("./fixtures/ledger-process.ts", import.meta.url));

async function startProcess(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", ENTRY, db], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const { url } = JSON.parse(line) as { url: string };
    return { child, url };
  }
  throw new Error("the ledger process exited before listening");
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

async function crashAndRecover(db: string): Promise<void> {
  const client = await clientConfig(seedConfig());
  const { child, url } = await startProcess(db);
  const acknowledged: { id: string; hash: string }[] = [];
  let killed = false;
  // 8 senders in a loop, each waiting for its answer, until the server dies under them.
  const sender = async () => {
    while (!killed) {
      const record = validRecord(client);
      try {
        const response = await postRecord(url, record);
        if (response.status === 201) {
          const { hash } = (await response.json()) as { hash: string };
          acknowledged.push({ id: record.id, hash });
          if (acknowledged.length >= 200 && !killed) {
            killed = true;
            child.kill("SIGKILL");
          }
        }
      } catch {
        return; // the connection died with the server
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, sender));
  await exited(child);
  expect(child.signalCode).toBe("SIGKILL");
  expect(acknowledged.length).toBeGreaterThanOrEqual(200);

  const restarted = await startProcess(db);
  try {
    const after = validRecord(client);
    expect((await postRecord(restarted.url, after)).status).toBe(201);
  } finally {
    restarted.child.kill("SIGTERM");
    await exited(restarted.child);
  }

  const store = await openLedgerStore(db);
  try {
    for (const { id, hash } of acknowledged) {
      const proof = await store.proof(id);
      expect(proof?.hash, `acknowledged proof ${id}`).toBe(hash);
    }
    const verified = await store.verify();
    expect(verified.firstBreak).toBeUndefined();
    expect(verified.checked).toBeGreaterThan(acknowledged.length);
  } finally {
    await store.close();
  }
}

describe("crash: SIGKILL in the middle of a burst", () => {
  it("loses no acknowledged proof on SQLite", async () => {
    const directory = mkdtempSync(join(tmpdir(), "macaron-crash-"));
    await crashAndRecover(`sqlite:${join(directory, "ledger.db")}`);
  }, 120_000);

  it.runIf(hasPostgres)(
    "loses no acknowledged proof on PostgreSQL",
    async () => {
      const schema = await createSchema("crash");
      try {
        await crashAndRecover(schema.url);
      } finally {
        await schema.drop();
      }
    },
    120_000,
  );
});
