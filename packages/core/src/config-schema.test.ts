import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { JSON_SCHEMA_FILE, jsonSchemaText } from "../scripts/write-json-schema.ts";
import { seedInput } from "../test/seed-config.ts";

describe("the published JSON Schema", () => {
  it("is up to date with the schema (run `npm run schema` after changing it)", () => {
    expect(readFileSync(JSON_SCHEMA_FILE, "utf8")).toBe(jsonSchemaText());
  });

  it("accepts the seed configuration and refuses a typo, as editors will", () => {
    const validate = new Ajv2020({ strict: false }).compile(
      JSON.parse(readFileSync(JSON_SCHEMA_FILE, "utf8")),
    );
    expect(validate(seedInput()), JSON.stringify(validate.errors)).toBe(true);
    const typo = seedInput();
    typo.categories[0].bassis = "exempt";
    expect(validate(typo)).toBe(false);
  });
});
