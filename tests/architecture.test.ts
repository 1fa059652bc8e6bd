/**
 * The architecture of DESIGN.md, checked: dependencies point one way (core ← web, server,
 * scanner ← cli), core and web stay free of Node and of runtime dependencies, and packages
 * import each other only through their public entry points.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  exports?: Record<string, string>;
}

interface Workspace {
  dir: string;
  manifest: Manifest;
}

function workspaces(): Workspace[] {
  return ["packages", "examples"].flatMap((parent) =>
    readdirSync(join(ROOT, parent))
      .map((name) => join(ROOT, parent, name))
      .filter((dir) => statSync(join(dir, "package.json"), { throwIfNoEntry: false })?.isFile())
      .map((dir) => ({
        dir,
        manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest,
      })),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter(
      (file) =>
        /\.(ts|tsx|js|mjs)$/.test(file) && !/\.test\.ts$/.test(file) && !file.includes("node_modules"),
    )
    .map((file) => join(dir, file));
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found = new Set<string>();
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/g))
    found.add(match[1] ?? "");
  for (const match of text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) found.add(match[1] ?? "");
  for (const match of text.matchAll(/(?:^|\n)\s*import\s+["']([^"']+)["']/g)) found.add(match[1] ?? "");
  return [...found];
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? "");
}

const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (specifier: string) =>
  specifier.startsWith("node:") || NODE_BUILTINS.has(packageName(specifier));
const all = workspaces();
const byName = new Map(all.map((workspace) => [workspace.manifest.name, workspace]));
const macaronDependencies = (manifest: Manifest) =>
  Object.keys(manifest.dependencies ?? {}).filter((name) => name.startsWith("@macaron/"));

describe("architecture", () => {
  it("has the packages of DESIGN.md", () => {
    for (const name of ["@macaron/core", "@macaron/cli"]) expect(byName.has(name), name).toBe(true);
  });

  it("keeps the package dependency graph acyclic", () => {
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (name: string, path: string[]) => {
      expect(visiting.has(name), `cycle: ${[...path, name].join(" → ")}`).toBe(false);
      if (done.has(name)) return;
      visiting.add(name);
      const workspace = byName.get(name);
      for (const dependency of workspace ? macaronDependencies(workspace.manifest) : [])
        visit(dependency, [...path, name]);
      visiting.delete(name);
      done.add(name);
    };
    for (const workspace of all) visit(workspace.manifest.name, []);
  });

  it("lets core depend on no other package, and web on core only", () => {
    expect(macaronDependencies(byName.get("@macaron/core")?.manifest ?? { name: "" })).toEqual([]);
    const web = byName.get("@macaron/web");
    if (web) expect(macaronDependencies(web.manifest)).toEqual(["@macaron/core"]);
  });

  it("never makes a package depend on the examples, the benchmarks or the test tooling at run time", () => {
    for (const { manifest } of all) {
      for (const dependency of Object.keys(manifest.dependencies ?? {})) {
        if (!manifest.name.startsWith("@macaron/") || manifest.name === "@macaron/testing") continue;
        expect(
          ["@macaron/testing", "@macaron/bench"].includes(dependency) || dependency.includes("examples"),
          `${manifest.name} → ${dependency}`,
        ).toBe(false);
        expect(
          byName.get(dependency)?.dir.includes(`${ROOT}examples`) ?? false,
          `${manifest.name} → ${dependency}`,
        ).toBe(false);
      }
    }
  });

  it("imports only declared dependencies, through their public entry points", () => {
    for (const { dir, manifest } of all) {
      const declared = new Set([...Object.keys(manifest.dependencies ?? {}), manifest.name]);
      for (const file of sourceFiles(join(dir, "src"))) {
        for (const specifier of importsOf(file)) {
          const where = `${relative(ROOT, file)} imports "${specifier}"`;
          if (specifier.startsWith(".")) {
            const target = join(file, "..", specifier);
            expect(
              target.startsWith(join(dir, "src")),
              `${where}: relative imports stay inside the package's src`,
            ).toBe(true);
            continue;
          }
          if (isNodeBuiltin(specifier)) continue;
          const name = packageName(specifier);
          expect(declared.has(name), `${where}: not in ${manifest.name}'s dependencies`).toBe(true);
          if (name.startsWith("@macaron/") && specifier !== name) {
            const subpath = `.${specifier.slice(name.length)}`;
            expect(
              Object.keys(byName.get(name)?.manifest.exports ?? {}),
              `${where}: not a public entry point`,
            ).toContain(subpath);
          }
        }
      }
    }
  });

  it("keeps core and web free of Node APIs, and core's only dependency a validation library", () => {
    for (const name of ["@macaron/core", "@macaron/web"]) {
      const workspace = byName.get(name);
      if (!workspace) continue;
      for (const file of sourceFiles(join(workspace.dir, "src"))) {
        for (const specifier of importsOf(file)) {
          expect(isNodeBuiltin(specifier), `${relative(ROOT, file)} imports ${specifier}`).toBe(false);
        }
        expect(readFileSync(file, "utf8"), relative(ROOT, file)).not.toMatch(
          /\bprocess\.(env|argv|exit)|\bBuffer\.|\brequire\(/,
        );
      }
    }
    expect(Object.keys(byName.get("@macaron/core")?.manifest.dependencies ?? {})).toEqual(["zod"]);
  });
});
