/**
 * Errors of the `macaron` command, each with its exit code: 2 for usage errors (the command was
 * called wrongly), 1 for problems found (an invalid configuration). Documented in docs/errors.md.
 */
import { type ErrorDefinition, errorFactory } from "@macaron/core";

export interface CliErrorDefinition extends ErrorDefinition {
  readonly exitCode: 1 | 2;
}

export const CLI_ERRORS = {
  CLI_USAGE: {
    status: 400,
    exitCode: 2,
    message: "The command was called with wrong arguments.",
    hint: "Run `npx macaron --help` or `npx macaron <command> --help`.",
  },
  CLI_CONFIG_NOT_FOUND: {
    status: 404,
    exitCode: 2,
    message: "The configuration file does not exist.",
    hint: "Pass --config <file>, set MACARON_CONFIG, or run the command where macaron.config.json is.",
  },
  CLI_CONFIG_UNREADABLE: {
    status: 400,
    exitCode: 1,
    message: "The configuration file could not be read.",
    hint: "Check that the file is valid JSON (or a module whose default export is the configuration).",
  },
  CLI_OUTPUT_UNWRITABLE: {
    status: 500,
    exitCode: 1,
    message: "The output file could not be written.",
    hint: "Check that the --out path is a writable file (not a directory) and that its folder can be created.",
  },
} as const satisfies Record<string, CliErrorDefinition>;

export type CliErrorCode = keyof typeof CLI_ERRORS;

export const cliError = errorFactory(CLI_ERRORS);

export function exitCodeOf(code: string): 1 | 2 {
  return (CLI_ERRORS as Record<string, CliErrorDefinition>)[code]?.exitCode ?? 1;
}
