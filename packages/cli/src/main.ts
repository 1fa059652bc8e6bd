/**
 * The `macaron` command. Exit codes: 0 success, 1 problems found (invalid configuration, broken
 * chain, scan violations), 2 usage errors.
 */
import { MacaronError } from "@macaron/core";
import { Command, CommanderError } from "commander";
import { type ExportCommandOptions, exportCommand, exportFormatOption } from "./commands/export.ts";
import { formatOption, languageOption, type PolicyCommandOptions, policyCommand } from "./commands/policy.ts";
import { type PurgeCommandOptions, purgeCommand } from "./commands/purge.ts";
import { type ScanCommandOptions, scanCommand, scanFormatOption } from "./commands/scan.ts";
import type { ServeCommandOptions } from "./commands/serve.ts";
import { type TokenCreateOptions, tokenCreateCommand } from "./commands/token.ts";
import { validateCommand } from "./commands/validate.ts";
import { type VerifyCommandOptions, verifyCommand } from "./commands/verify.ts";
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
    .command("scan")
    .description(
      "audit a live site in headless Chromium (no consent, reject, accept, withdraw): exit 1 on errors, 2 if a state is not reached",
    )
    .argument("<url>", "the site's home page, e.g. https://shop.example/")
    .option(
      "-c, --config <file>",
      "configuration to audit against (default: macaron.config.json if present, or MACARON_CONFIG)",
    )
    .option("--pages <n>", "most pages visited per state", "20")
    .option("--depth <n>", "link depth from the start page", "2")
    .option("-o, --out <dir>", "folder for report.json, report.html and config-patch.json", "macaron-scan")
    .addOption(scanFormatOption())
    .option("--kb <file>", "an Open Cookie Database CSV, to classify more cookies")
    .option("--timeout <seconds>", "how long a page may take to load", "30")
    .option(
      "--quiet <ms>",
      "after network idle, how long nothing may happen (no request, no storage write) before a page counts as settled",
      "500",
    )
    .option(
      "--concurrency <states>",
      "states crawled at once, 1 to 4: each needs its own renderers (about 1.3 GiB for 1, 2.3 GiB for 4 here)",
      "4",
    )
    .action(async (url: string, options: ScanCommandOptions) =>
      setExitCode(await scanCommand(url, options, output)),
    );

  root
    .command("serve")
    .description("run the consent ledger server (proofs, policy, SDK, admin API) until SIGINT/SIGTERM")
    .option("-c, --config <file>", "configuration file (default: macaron.config.json, or MACARON_CONFIG)")
    .option("-p, --port <port>", "port, 0 for any free one (default: 8080, or MACARON_PORT)")
    .option("--host <host>", "interface to listen on (default: 127.0.0.1, or MACARON_HOST)")
    .option("--db <url>", "sqlite:PATH or postgres://… (default: DATABASE_URL, else sqlite:./macaron.db)")
    .option("--log", "structured request logs (JSON lines) on standard output")
    .option("--scans <dir>", "folder of macaron scan reports shown in the dashboard, e.g. macaron-scan")
    .action(async (options: ServeCommandOptions) => {
      // Loaded on demand: the server stack (Fastify, the stores) would slow every other command.
      const { serveCommand } = await import("./commands/serve.ts");
      setExitCode(await serveCommand(options, output));
    });

  const dbOption = "sqlite:PATH or postgres://… (default: DATABASE_URL, else sqlite:./macaron.db)";

  root
    .command("verify")
    .description("recompute the ledger's hash chain: exit 1 naming the first broken proof")
    .option("--db <url>", dbOption)
    .action(async (options: VerifyCommandOptions) => setExitCode(await verifyCommand(options, output)));

  root
    .command("export")
    .description(
      "stream the ledger's proofs (decided in --from..--to) as CSV, NDJSON, ISO 27560 records or Kantara receipts",
    )
    .option("--db <url>", dbOption)
    .addOption(exportFormatOption())
    .option("--from <date>", "first day (ISO 8601 date or date-time, inclusive)")
    .option("--to <date>", "end (ISO 8601 date or date-time, exclusive)")
    .option("-o, --out <file>", "write to this file instead of standard output")
    .option(
      "-c, --config <file>",
      "configuration naming the controller (iso27560, kantara; default: macaron.config.json)",
    )
    .action(async (options: ExportCommandOptions) => setExitCode(await exportCommand(options, output)));

  root
    .command("purge")
    .description(
      "delete proofs older than ledger.proofRetention (default 5 years); the chain stays verifiable",
    )
    .option("--db <url>", dbOption)
    .option(
      "-c, --config <file>",
      "configuration with ledger.proofRetention (default: macaron.config.json if present)",
    )
    .option("--dry-run", "only count what would be deleted")
    .action(async (options: PurgeCommandOptions) => setExitCode(await purgeCommand(options, output)));

  root
    .command("token")
    .description("admin tokens for the ledger's admin API and dashboard")
    .command("create")
    .description("create an admin token and print it once (only its hash is stored)")
    .option("--db <url>", dbOption)
    .option("--name <name>", "what the token is for, shown in the dashboard", "admin")
    .action(async (options: TokenCreateOptions) => setExitCode(await tokenCreateCommand(options, output)));

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
