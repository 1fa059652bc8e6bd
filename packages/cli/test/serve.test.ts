/** `macaron serve` as a user runs it: a real process that listens, answers, and stops on a signal. */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../bin/macaron.js", import.meta.url));
const SEED = fileURLToPath(new URL("../../../examples/shop/macaron.config.json", import.meta.url));

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

describe("macaron serve", () => {
  it("serves the ledger on the port given, prints its URL, and stops cleanly on SIGTERM", async () => {
    const db = `sqlite:${join(mkdtempSync(join(tmpdir(), "macaron-serve-")), "ledger.db")}`;
    const child = spawn(process.execPath, [BIN, "serve", "--config", SEED, "--port", "0", "--db", db], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = exitCode(child);
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
    const first = String((await lines.next()).value);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(first)?.[1];
    expect(url, first).toBeDefined();
    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toMatchObject({ status: "ok", store: "sqlite", revision: 1 });
    const policy = await fetch(`${url}/v1/policy`);
    expect(policy.headers.get("etag")).toMatch(/^"[0-9a-f]{64}"$/);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    const rest: string[] = [];
    for (let line = await lines.next(); !line.done; line = await lines.next()) rest.push(String(line.value));
    expect(rest.at(-1)).toBe("stopped (SIGTERM)");
  });

  it("exits 1 on an invalid configuration and 2 on a bad port", async () => {
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, [BIN, ...args]).then(
        () => 0,
        (error: { code: number }) => error.code,
      );
    const missingSite = join(mkdtempSync(join(tmpdir(), "macaron-serve-")), "macaron.config.json");
    writeFileSync(missingSite, JSON.stringify({ revision: 1 }));
    expect(await run(["serve", "--config", missingSite, "--port", "0"])).toBe(1);
    expect(await run(["serve", "--config", SEED, "--port", "http"])).toBe(2);
  });
});
