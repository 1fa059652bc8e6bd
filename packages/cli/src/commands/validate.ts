/** `macaron validate [--config F]`: OK with a summary, or every problem with its path. */
import { relative } from "node:path";
import type { Issue, MacaronConfig } from "@macaron/core";
import { loadConfig } from "../config-file.ts";
import type { Output } from "../output.ts";

export function formatIssue(found: Issue): string {
  const where = found.path === "" ? "(file)" : found.path;
  const expected = found.expected === undefined ? "" : `\n    expected: ${found.expected}`;
  return `  ${found.severity} ${where}: ${found.message}${expected}`;
}

function summary(config: MacaronConfig): string {
  const cookies = config.services.reduce((count, service) => count + service.cookies.length, 0);
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${count(config.categories.length, "category", "categories")}, ${count(config.services.length, "service", "services")}, ${count(cookies, "cookie", "cookies")} (revision ${config.revision}, decisions kept ${config.consentValidity}, languages ${config.languages.join(", ")})`;
}

export async function validateCommand(options: { config?: string }, output: Output): Promise<number> {
  const { path, validation } = await loadConfig(options.config);
  const fromHere = relative(process.cwd(), path);
  const shown = fromHere === "" || fromHere.startsWith("..") ? path : fromHere;
  if (validation.ok) {
    output.out(`OK ${shown}: ${summary(validation.config)}`);
    for (const warning of validation.warnings) output.out(formatIssue(warning));
    return 0;
  }
  const count = validation.errors.length;
  output.err(`${shown}: ${count} error${count === 1 ? "" : "s"}`);
  for (const found of [...validation.errors, ...validation.warnings]) output.err(formatIssue(found));
  return 1;
}
