/** The seed policy's configuration (examples/shop/macaron.config.json), for tests to start from. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type MacaronConfig, parseConfig } from "@macaron/core";

export const SEED_CONFIG_FILE = fileURLToPath(
  new URL("../../../examples/shop/macaron.config.json", import.meta.url),
);

/** A fresh copy of the file's content, free to modify. */
export function seedInput(): Record<string, any> {
  return JSON.parse(readFileSync(SEED_CONFIG_FILE, "utf8"));
}

export function seedConfig(): MacaronConfig {
  return parseConfig(seedInput());
}
