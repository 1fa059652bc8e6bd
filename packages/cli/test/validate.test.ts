/** `macaron validate`, run as a user runs it: a real process, its output and exit code. */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../bin/macaron.js", import.meta.url));
const SEED = fileURLToPath(new URL("../../../examples/shop/macaron.config.json", import.meta.url));

async function macaron(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function writeConfig(change: (config: Record<string, any>) => void, name = "macaron.config.json"): string {
  const config = JSON.parse(readFileSync(SEED, "utf8"));
  change(config);
  const path = join(mkdtempSync(join(tmpdir(), "macaron-cli-")), name);
  writeFileSync(path, JSON.stringify(config, null, 2));
  return path;
}

describe("macaron validate", () => {
  it("prints OK with a one-line summary for the seed configuration", async () => {
    const result = await macaron("validate", "--config", SEED);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toMatch(
      /^OK .*macaron\.config\.json: 4 categories, 6 services, 13 cookies \(revision 1, decisions kept 6 months, languages fr, en\)$/,
    );
    expect(result.stdout).toContain('warning services[2].cookies[0].retention: "_ga" lives 2 years');
  });

  it("prints the path and the reason of a 14-month validity, and exits 1", async () => {
    const result = await macaron(
      "validate",
      "--config",
      writeConfig((c) => (c.consentValidity = "14 months")),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error consentValidity: a decision may be kept at most 13 months (CNIL)");
    expect(result.stderr).toContain('expected: a duration of at most 13 months, such as "6 months"');
  });

  it("lists every error, not only the first", async () => {
    const result = await macaron(
      "validate",
      "--config",
      writeConfig((c) => {
        c.consentValidity = "14 months";
        c.services[2].category = "stats";
      }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/2 errors/);
    expect(result.stderr).toContain('error services[2].category: unknown category "stats"');
  });

  it("names the line and column of a JSON syntax error", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "macaron-cli-")), "broken.json");
    writeFileSync(path, '{\n  "revision": 1,\n  "site": {,\n}');
    const result = await macaron("validate", "--config", path);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is not valid JSON at line 3, column 12/);
  });

  it("reads the default file in the working directory and MACARON_CONFIG", async () => {
    const path = writeConfig(() => {}, "custom.json");
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, "validate"], {
      env: { ...process.env, MACARON_CONFIG: path },
    });
    expect(stdout).toMatch(/^OK /);
  });

  it("exits 2 on usage errors: a missing file, an unknown command or option", async () => {
    expect((await macaron("validate", "--config", "/no/such/file.json")).code).toBe(2);
    expect((await macaron("frobnicate")).code).toBe(2);
    expect((await macaron("validate", "--frob")).code).toBe(2);
    expect((await macaron()).code).toBe(2);
  });
});
