/**
 * Reading `macaron.config.json` (or a `.js`/`.ts` module whose default export is the
 * configuration) and validating it. Syntax errors name the line and column.
 */
import { existsSync, readFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type ConfigValidation, validateConfig } from "@macaron/core";
import { cliError } from "./errors.ts";

export const DEFAULT_CONFIG_FILE = "macaron.config.json";

/** The configuration path from `--config`, then `MACARON_CONFIG`, then the default file name. */
export function configPath(option: string | undefined): string {
  return resolve(option ?? process.env.MACARON_CONFIG ?? DEFAULT_CONFIG_FILE);
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - before.lastIndexOf("\n");
  return `line ${line}, column ${column}`;
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const where = position === undefined ? "" : ` at ${lineAndColumn(text, Number(position))}`;
    throw cliError("CLI_CONFIG_UNREADABLE", `${path} is not valid JSON${where}: ${message}`);
  }
}

/** The file's content, not yet validated. */
export async function readConfigFile(path: string): Promise<unknown> {
  if (!existsSync(path)) throw cliError("CLI_CONFIG_NOT_FOUND", `no configuration file at ${path}`);
  if ([".js", ".mjs", ".ts", ".mts"].includes(extname(path))) {
    const module = (await import(pathToFileURL(path).href)) as { default?: unknown };
    if (module.default === undefined) {
      throw cliError(
        "CLI_CONFIG_UNREADABLE",
        `${path} has no default export (export the configuration as default)`,
      );
    }
    return module.default;
  }
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw cliError("CLI_CONFIG_UNREADABLE", `cannot read ${path}: ${(error as Error).message}`);
  }
  return parseJson(text.replace(/^\uFEFF/, ""), path);
}

export async function loadConfig(
  option: string | undefined,
): Promise<{ path: string; validation: ConfigValidation }> {
  const path = configPath(option);
  return { path, validation: validateConfig(await readConfigFile(path)) };
}
