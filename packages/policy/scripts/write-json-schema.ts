/** Writes the cookie declaration's published JSON Schema (`npm run schema --workspace=packages/policy`). */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cookieDeclarationJsonSchema } from "../src/index.ts";

export const DECLARATION_SCHEMA_FILE = fileURLToPath(
  new URL("../schema/cookie-declaration.schema.json", import.meta.url),
);

export function declarationSchemaText(): string {
  return `${JSON.stringify(cookieDeclarationJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(DECLARATION_SCHEMA_FILE, declarationSchemaText());
  process.stdout.write(`wrote ${DECLARATION_SCHEMA_FILE}\n`);
}
