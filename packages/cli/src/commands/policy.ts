/**
 * `macaron policy [--config F] [--lang fr|en] [--format html|md|json] [--out F] [--fragment]`:
 * the site's cookie policy, generated from its configuration, on standard output or in a file.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import {
  POLICY_FORMATS,
  POLICY_LANGUAGES,
  type PolicyFormat,
  policyLanguageFor,
  policyLanguages,
  renderPolicy,
} from "@macaron/policy";
import { Option } from "commander";
import { loadConfig } from "../config-file.ts";
import { cliError } from "../errors.ts";
import type { Output } from "../output.ts";
import { formatIssue } from "./validate.ts";

export interface PolicyCommandOptions {
  readonly config?: string;
  readonly lang?: string;
  readonly format: PolicyFormat;
  readonly out?: string;
  readonly fragment?: boolean;
}

// Options whose values commander checks itself: a wrong value is a usage error (exit 2).
export function languageOption(): Option {
  return new Option(
    "-l, --lang <language>",
    "language (default: the configuration's default language)",
  ).choices(POLICY_LANGUAGES);
}

export function formatOption(): Option {
  return new Option("-f, --format <format>", "html page, Markdown, or JSON cookie declaration")
    .choices(POLICY_FORMATS)
    .default("html");
}

function shown(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere === "" || fromHere.startsWith("..") ? path : fromHere;
}

export async function policyCommand(options: PolicyCommandOptions, output: Output): Promise<number> {
  if (options.fragment && options.format !== "html") {
    throw cliError("CLI_USAGE", `--fragment applies to --format html only, not --format ${options.format}`);
  }
  const { path, validation } = await loadConfig(options.config);
  if (!validation.ok) {
    const count = validation.errors.length;
    output.err(`${shown(path)}: ${count} error${count === 1 ? "" : "s"}, no policy rendered`);
    for (const found of [...validation.errors, ...validation.warnings]) output.err(formatIssue(found));
    return 1;
  }
  const { config } = validation;
  const available: string[] = policyLanguages(config);
  const language = options.lang ?? policyLanguageFor(config);
  if (!available.includes(language)) {
    throw cliError(
      "CLI_USAGE",
      `--lang ${language}: ${shown(path)} declares the languages ${config.languages.join(", ")}; the policy can be rendered in ${available.join(", ") || "none of them (Macaron has fr and en texts)"}`,
    );
  }
  const rendered = renderPolicy(config, {
    language,
    format: options.format,
    fragment: options.fragment === true,
  });
  if (options.out === undefined) {
    output.out(rendered.body.replace(/\n$/, ""));
    return 0;
  }
  const target = resolve(options.out);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, rendered.body);
  } catch (error) {
    throw cliError("CLI_OUTPUT_UNWRITABLE", `cannot write ${target}: ${(error as Error).message}`);
  }
  const size = Buffer.byteLength(rendered.body);
  output.out(`wrote ${shown(target)} (${rendered.format}, ${rendered.language}, ${size} bytes)`);
  return 0;
}
