/**
 * The `macaron` command. Exit codes: 0 success, 1 problems found (invalid configuration, broken
 * chain, scan violations), 2 usage errors.
 */
import { MacaronError } from "@macaron/core";
import { Command, CommanderError } from "commander";
import { formatOption, languageOption, type PolicyCommandOptions, policyCommand } from "./commands/policy.ts";
import { type ServeCommandOptions, serveCommand } from "./commands/serve.ts";
import { validateCommand } from "./commands/validate.ts";
import { exitCodeOf } from "./errors.ts";
import { type Output, processOutput } from "./output.ts";

const VERSION = "0.1.0";

function program(output: Output, setExitCode: (code: number) => void): Command {
  const root = new Command("macaron")
    .description("Macaron: consent management that keeps a site's cookie promises and proves it.")
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => output.out(text.trimEnd()),
      writeErr: (text) => output.err(text.trimEnd()),
    })
    .showHelpAfterError("(run with --help for usage)");

  root
    .command("validate")
    .description("check macaron.config.json: every error with its path, exit 1 if any")
    .option("-c, --config <file>", "configuration file (default: macaron.config.json, or MACARON_CONFIG)")
    .action(async (options: { config?: string }) => setExitCode(await validateCommand(options, output)));

  root
    .command("policy")
    .description("render the cookie policy from macaron.config.json: HTML page, Markdown or JSON declaration")
    .option("-c, --config <file>", "configuration file (default: macaron.config.json, or MACARON_CONFIG)")
    .addOption(languageOption())
    .addOption(formatOption())
    .option("-o, --out <file>", "write to this file instead of standard output")
    .option("--fragment", "HTML only: the embeddable <article>, without the page around it")
    .action(async (options: PolicyCommandOptions) => setExitCode(await policyCommand(options, output)));

  root
    .command("serve")
    .description("run the consent ledger server (proofs, policy, SDK, admin API) until SIGINT/SIGTERM")
    .option("-c, --config <file>", "configuration file (default: macaron.config.json, or MACARON_CONFIG)")
    .option("-p, --port <port>", "port, 0 for any free one (default: 8080, or MACARON_PORT)")
    .option("--host <host>", "interface to listen on (default: 127.0.0.1, or MACARON_HOST)")
    .option("--db <url>", "sqlite:PATH or postgres://… (default: DATABASE_URL, else sqlite:./macaron.db)")
    .option("--log", "structured request logs (JSON lines) on standard output")
    .action(async (options: ServeCommandOptions) => setExitCode(await serveCommand(options, output)));

  return root;
}

/** Runs the command line `argv` (without `node macaron`) and returns the exit code. */
export async function main(argv: readonly string[], output: Output = processOutput): Promise<number> {
  let exitCode = 0;
  const command = program(output, (code) => {
    exitCode = code;
  });
  if (argv.length === 0) {
    command.outputHelp();
    return 2;
  }
  try {
    await command.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version "fail" with exit code 0 by design.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof MacaronError) {
      output.err(`error ${error.code}: ${error.message}`);
      output.err(`  hint: ${error.hint}`);
      return exitCodeOf(error.code);
    }
    throw error;
  }
}
