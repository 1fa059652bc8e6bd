/**
 * How long rendering the cookie policy takes, per format, for the seed configuration and for a
 * large one (40 services × 10 cookies), so the server knows whether `GET /cookie-policy` needs a
 * cache. Run: `node --import tsx bench/policy-render.ts` (writes its section of bench/RESULTS.md).
 */
import { readFileSync } from "node:fs";
import { type MacaronConfig, parseConfig } from "@macaron/core";
import { type PolicyFormat, renderPolicy } from "@macaron/policy";
import { machineLine, markdownTable, writeResultsSection } from "./results.ts";

const SEED = new URL("../examples/shop/macaron.config.json", import.meta.url);

function largeConfig(): MacaronConfig {
  const input = JSON.parse(readFileSync(SEED, "utf8"));
  const template = input.services[2];
  input.services = Array.from({ length: 40 }, (_, index) => ({
    ...template,
    id: `vendor-${index}`,
    name: `Vendor ${index}`,
    hosts: [],
    cookies: Array.from({ length: 10 }, (_, item) => ({
      ...template.cookies[0],
      name: `v${index}_c${item}`,
    })),
  }));
  return parseConfig(input);
}

/** Median milliseconds per render over `rounds` timed batches, after a warm-up. */
function measure(render: () => void, rounds = 15, batch = 20): number {
  for (let index = 0; index < batch * 2; index++) render();
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (let index = 0; index < batch; index++) render();
    samples.push((performance.now() - start) / batch);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

const configs: [string, MacaronConfig][] = [
  ["seed (7 services, 14 cookies)", parseConfig(JSON.parse(readFileSync(SEED, "utf8")))],
  ["large (41 services, 401 cookies)", largeConfig()],
];
const formats: PolicyFormat[] = ["html", "md", "json"];
const rows: (string | number)[][] = [];
for (const [name, config] of configs) {
  for (const format of formats) {
    const size = Buffer.byteLength(renderPolicy(config, { language: "fr", format }).body);
    const milliseconds = measure(() => renderPolicy(config, { language: "fr", format }));
    rows.push([
      name,
      format,
      `${(size / 1024).toFixed(1)} KiB`,
      milliseconds.toFixed(3),
      Math.round(1000 / milliseconds),
    ]);
  }
}
const table = markdownTable(
  ["configuration", "format", "output", "ms per render (median)", "renders/s"],
  rows,
);
process.stdout.write(`${table}\n`);
writeResultsSection(
  "policy-render",
  `## Cookie policy rendering (\`bench/policy-render.ts\`)

${machineLine()}. One process, French, validated configuration in memory; median of 15 batches of 20.

${table}`,
);
