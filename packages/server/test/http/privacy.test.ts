/** The client IP is pseudonymised before it is stored, and never written to the logs. */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { clientConfig } from "@macaron/core";
import { describe, expect, it } from "vitest";
import { openLedgerStore } from "../../src/store/open-ledger-store.ts";
import { postRecord, seedConfig, startLedger, validRecord } from "./fixtures/ledger-server.ts";

const ENTRY = fileURLToPath(new URL("./fixtures/ledger-process.ts", import.meta.url));

describe("IP pseudonymisation", () => {
  it("stores a keyed hash: equal for one address, different for another, the address nowhere in the file", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "macaron-ip-")), "ledger.db");
    const ledger = await startLedger({ store: await openLedgerStore(`sqlite:${path}`), trustProxy: true });
    try {
      const send = async (ip: string) => {
        const record = validRecord(ledger.client);
        expect((await postRecord(ledger.url, record, { "x-forwarded-for": ip })).status).toBe(201);
        return (await ledger.store.proof(record.id))?.ipHash;
      };
      const first = await send("203.0.113.77");
      const again = await send("203.0.113.77");
      const other = await send("198.51.100.23");
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(again).toBe(first);
      expect(other).not.toBe(first);
    } finally {
      await ledger.close();
    }
    for (const file of [path, `${path}-wal`]) {
      const bytes = (() => {
        try {
          return readFileSync(file).toString("latin1");
        } catch {
          return "";
        }
      })();
      expect(bytes).not.toContain("203.0.113.77");
      expect(bytes).not.toContain("198.51.100.23");
    }
  });
});

describe("logs", () => {
  it("record requests without the client address", async () => {
    const db = `sqlite:${join(mkdtempSync(join(tmpdir(), "macaron-log-")), "ledger.db")}`;
    const child = spawn(process.execPath, ["--import", "tsx", ENTRY, db, "--log"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const lines: string[] = [];
    const reader = createInterface({ input: child.stdout });
    const url = await new Promise<string>((resolve) =>
      reader.on("line", (line) => {
        lines.push(line);
        const parsed = JSON.parse(line) as { url?: string };
        if (parsed.url?.startsWith("http") && !("level" in parsed)) resolve(parsed.url);
      }),
    );
    const client = await clientConfig(seedConfig());
    const record = validRecord(client);
    expect((await postRecord(url, record)).status).toBe(201);
    expect((await fetch(`${url}/v1/consents/${record.subjectId}`)).status).toBe(200);
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
    const requestLines = lines.filter((line) => line.includes('"reqId"'));
    expect(requestLines.length).toBeGreaterThanOrEqual(4);
    for (const line of requestLines) {
      expect(line).not.toContain("127.0.0.1");
      expect(line).not.toContain("remoteAddress");
    }
  });
});
