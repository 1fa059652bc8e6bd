/** `macaron scan`, run as a user runs it: a real process against a real local site, its files and exit code. */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type LocalServer, listenLocally } from "@macaron/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../bin/macaron.js", import.meta.url));

async function macaron(
  args: string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// A banner with Macaron's API that stores the choice and nothing else.
const WITH_BANNER = `<!doctype html><html><head><title>ok</title><script>
window.Macaron = {
  acceptAll() { document.cookie = "macaron_consent=all; max-age=15552000; path=/"; },
  rejectAll() { document.cookie = "macaron_consent=none; max-age=15552000; path=/"; },
};
</script></head><body><a href="#" data-macaron-open>Cookies</a></body></html>`;

let site: LocalServer;
beforeAll(async () => {
  site = await listenLocally((request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    const pages: Record<string, string> = {
      "/bare": "<!doctype html><title>bare</title><p>no banner",
      // Google Analytics' cookie written at once, whatever the visitor chooses.
      "/tracker": WITH_BANNER.replace(
        "</script>",
        'document.cookie = "_ga=GA1.1.1.1; max-age=3600; path=/";</script>',
      ),
    };
    response.end(pages[request.url ?? ""] ?? WITH_BANNER);
  });
});
afterAll(() => site?.close());

describe("macaron scan", () => {
  it("refuses a URL that is not http(s) and bad bounds, with exit code 2", { timeout: 120_000 }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), "macaron-scan-"));
    expect((await macaron(["scan", "file:///etc/passwd"], cwd)).code).toBe(2);
    const pages = await macaron(["scan", site.url, "--pages", "0"], cwd);
    expect(pages.code).toBe(2);
    expect(pages.stderr).toContain("--pages 0");
    expect((await macaron(["scan", site.url, "--kb", "missing.csv"], cwd)).code).toBe(2);
    const concurrency = await macaron(["scan", site.url, "--concurrency", "5"], cwd);
    expect(concurrency.code).toBe(2);
    expect(concurrency.stderr).toContain("--concurrency 5");
    const quiet = await macaron(["scan", site.url, "--quiet", "soon"], cwd);
    expect(quiet.code).toBe(2);
    expect(quiet.stderr).toContain("--quiet soon");
  });

  it("passes a site whose banner works and that stores nothing else, and writes the three files", {
    timeout: 120_000,
  }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), "macaron-scan-"));
    const result = await macaron(
      ["scan", `${site.url}/`, "--pages", "1", "--out", "out", "--quiet", "200"],
      cwd,
    );
    expect(result.stdout).toContain("Findings: 0 errors");
    expect(result.code).toBe(0);
    for (const file of ["report.json", "report.html", "config-patch.json"])
      expect(existsSync(join(cwd, "out", file))).toBe(true);
    const report = JSON.parse(readFileSync(join(cwd, "out", "report.json"), "utf8"));
    expect(report.states.map((state: { reached: boolean }) => state.reached)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(report.method.quietMs).toBe(200);
  });

  it("exits 1 when the audit finds an error: a tracker's cookie before any choice", {
    timeout: 120_000,
  }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), "macaron-scan-"));
    const result = await macaron(["scan", `${site.url}/tracker`, "--pages", "1", "--format", "json"], cwd);
    expect(result.code).toBe(1);
    const findings = JSON.parse(result.stdout).findings as { kind: string; state: string; item: string }[];
    expect(findings).toContainEqual(
      expect.objectContaining({
        kind: "item-before-consent",
        state: "none",
        item: expect.stringContaining("_ga"),
      }),
    );
  });

  it("exits 2 when a state cannot be reached, and says which", { timeout: 120_000 }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), "macaron-scan-"));
    const result = await macaron(["scan", `${site.url}/bare`, "--pages", "1", "--format", "json"], cwd);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(
      report.findings.filter((finding: { kind: string }) => finding.kind === "state-not-reached"),
    ).toHaveLength(3);
  });
});
