/** `macaron policy`, run as a user runs it: a real process, its output, its files and exit code. */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../bin/macaron.js", import.meta.url));
const SEED = fileURLToPath(new URL("../../../examples/shop/macaron.config.json", import.meta.url));

async function macaron(
  args: string[],
  cwd = process.cwd(),
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const temporary = () => mkdtempSync(join(tmpdir(), "macaron-policy-"));

function writeConfig(change: (config: Record<string, any>) => void): string {
  const config = JSON.parse(readFileSync(SEED, "utf8"));
  change(config);
  const path = join(temporary(), "macaron.config.json");
  writeFileSync(path, JSON.stringify(config, null, 2));
  return path;
}

describe("macaron policy", () => {
  it("prints the complete HTML page in the configuration's default language", async () => {
    const result = await macaron(["policy", "--config", SEED]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(result.stdout).toContain('<h1 id="cookie-policy-title">Politique de gestion des cookies</h1>');
    expect(result.stdout.endsWith("</html>\n")).toBe(true);
    expect(result.stderr).toBe("");
  });

  it("writes the English Markdown to --out, creating its folder, and says so", async () => {
    const out = join(temporary(), "docs", "cookie-policy.md");
    const result = await macaron([
      "policy",
      "--config",
      SEED,
      "--lang",
      "en",
      "--format",
      "md",
      "--out",
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^wrote .*docs\/cookie-policy\.md \(md, en, \d+ bytes\)\n$/);
    const markdown = readFileSync(out, "utf8");
    expect(markdown.startsWith("# Cookie management policy\n")).toBe(true);
    expect(markdown).toContain("| `_ga` | Google Ireland Limited");
  });

  it("prints the JSON cookie declaration, and the embeddable fragment", async () => {
    const json = await macaron(["policy", "--config", SEED, "--format", "json", "--lang", "en"]);
    expect(json.code).toBe(0);
    const declaration = JSON.parse(json.stdout);
    expect(declaration).toMatchObject({ version: 1, language: "en", revision: 1 });
    expect(declaration.cookies).toHaveLength(14);
    const fragment = await macaron(["policy", "--config", SEED, "--fragment"]);
    expect(fragment.stdout).toMatch(/^<article class="macaron-policy" lang="fr">/);
  });

  it("reads macaron.config.json from the working directory by default", async () => {
    const path = writeConfig(() => {});
    const result = await macaron(["policy", "--format", "md"], join(path, ".."));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Politique de gestion des cookies/);
  });

  it("exits 2 on a bad --lang or --format, naming the allowed values", async () => {
    const lang = await macaron(["policy", "--config", SEED, "--lang", "de"]);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain("argument 'de' is invalid. Allowed choices are fr, en.");
    const format = await macaron(["policy", "--config", SEED, "--format", "pdf"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("argument 'pdf' is invalid. Allowed choices are html, md, json.");
    expect((await macaron(["policy", "--config", SEED, "--format", "md", "--fragment"])).code).toBe(2);
  });

  it("exits 2 for a language the configuration does not declare", async () => {
    const path = writeConfig((config) => {
      config.languages = ["fr"];
    });
    const result = await macaron(["policy", "--config", path, "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--lang en: ");
    expect(result.stderr).toContain("declares the languages fr; the policy can be rendered in fr");
  });

  it("exits 1 with every error of an invalid configuration, and renders nothing", async () => {
    const out = join(temporary(), "policy.html");
    const path = writeConfig((config) => {
      config.consentValidity = "14 months";
      delete config.categories[1].name.en;
    });
    const result = await macaron(["policy", "--config", path, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/macaron\.config\.json: 2 errors, no policy rendered/);
    expect(result.stderr).toContain("error consentValidity: a decision may be kept at most 13 months (CNIL)");
    expect(result.stderr).toContain('error categories[1].name.en: missing the "en" text');
    expect(() => readFileSync(out)).toThrow(/ENOENT/);
  });

  it("exits 1 when --out cannot be written", async () => {
    const result = await macaron(["policy", "--config", SEED, "--out", temporary()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error CLI_OUTPUT_UNWRITABLE: cannot write");
  });
});
