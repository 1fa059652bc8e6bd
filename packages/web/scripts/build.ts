/**
 * Builds the SDK with esbuild: `dist/macaron.js` (minified classic script, an IIFE) and
 * `dist/macaron.mjs` (ES module). Fails when `dist/macaron.js` exceeds the size budget, brotli
 * quality 11: every visitor pays every byte (budget in issue 8 and bench/RESULTS.md).
 */
import { readFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { type BuildOptions, build } from "esbuild";

export const BROTLI_BUDGET = 7_000;

const root = new URL("../", import.meta.url);
const { version } = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { version: string };

const common: BuildOptions = {
  entryPoints: [new URL("src/index.ts", root).pathname],
  bundle: true,
  minify: true,
  target: "es2022",
  legalComments: "none",
  // Chrome's explicit compile hint (V8, Chrome 136+; other engines read a comment): compile every
  // function while the script streams in, off the main thread, instead of on first call on it.
  // Nearly all of the SDK runs on load; only the preferences dialog's code is compiled early.
  banner: { js: "//# allFunctionsCalledOnLoad" },
  define: { MACARON_VERSION: JSON.stringify(version) },
  logLevel: "warning",
};

await build({ ...common, format: "iife", outfile: new URL("dist/macaron.js", root).pathname });
await build({ ...common, format: "esm", outfile: new URL("dist/macaron.mjs", root).pathname });

const script = readFileSync(new URL("dist/macaron.js", root));
const brotli = brotliCompressSync(script, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gzip = gzipSync(script, { level: 9 }).length;
process.stdout.write(
  `dist/macaron.js: ${script.length} bytes, ${brotli} bytes brotli (q11), ${gzip} bytes gzip\n`,
);
if (brotli > BROTLI_BUDGET) {
  console.error(`dist/macaron.js is ${brotli} bytes brotli: over the budget of ${BROTLI_BUDGET} bytes`);
  process.exit(1);
}
