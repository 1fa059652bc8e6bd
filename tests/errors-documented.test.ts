/** Every error code of every package's catalogue is documented in docs/errors.md. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const DOCUMENTATION = readFileSync(new URL("../docs/errors.md", import.meta.url), "utf8");

// Packages whose public surface runs in Node; the browser SDK keeps no catalogue.
const PACKAGES = ["@macaron/core", "@macaron/cli", "@macaron/server", "@macaron/scanner", "@macaron/policy"];

async function catalogues(): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const name of PACKAGES) {
    let module: Record<string, unknown>;
    try {
      module = await import(/* @vite-ignore */ name);
    } catch (error) {
      if (
        (error as { code?: string }).code === "ERR_MODULE_NOT_FOUND" ||
        /Failed to (load|resolve)/.test(String(error))
      )
        continue;
      throw error;
    }
    for (const [exported, value] of Object.entries(module)) {
      if (exported.endsWith("_ERRORS") && value && typeof value === "object")
        found.set(`${name} ${exported}`, Object.keys(value));
    }
  }
  return found;
}

describe("error codes", () => {
  it("are all documented in docs/errors.md", async () => {
    const found = await catalogues();
    expect(found.size).toBeGreaterThanOrEqual(2);
    for (const [catalogue, codes] of found) {
      for (const code of codes)
        expect(DOCUMENTATION, `${catalogue}.${code}`).toMatch(new RegExp(`\\|\\s*\`${code}\`\\s*\\|`));
    }
  });
});
