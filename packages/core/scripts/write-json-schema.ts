/** Writes the configuration's published JSON Schema (run by `npm run schema`). */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { configJsonSchema } from "../src/index.ts";

export const JSON_SCHEMA_FILE = fileURLToPath(
  new URL("../schema/macaron.config.schema.json", import.meta.url),
);

export function jsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(JSON_SCHEMA_FILE, jsonSchemaText());
  process.stdout.write(`wrote ${JSON_SCHEMA_FILE}\n`);
}
