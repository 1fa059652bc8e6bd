/**
 * `macaron serve [--config F] [--port 8080] [--host 127.0.0.1] [--db URL] [--log]`: the consent
 * ledger server in this process, until SIGINT or SIGTERM, after which in-flight proofs are
 * committed and the store is closed.
 */
import { buildServer, openLedgerStore } from "@macaron/server";
import { loadConfig } from "../config-file.ts";
import { cliError } from "../errors.ts";
import type { Output } from "../output.ts";
import { formatIssue } from "./validate.ts";

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_DB = "sqlite:./macaron.db";

export interface ServeCommandOptions {
  readonly config?: string;
  readonly port?: string;
  readonly host?: string;
  readonly db?: string;
  readonly log?: boolean;
  readonly scans?: string;
}

/** The options, else `MACARON_*` (and `DATABASE_URL`) from the environment, else the defaults. */
export function serveSettings(options: ServeCommandOptions, env: NodeJS.ProcessEnv = process.env) {
  const portText = options.port ?? env.MACARON_PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port > 65_535) {
    throw cliError("CLI_USAGE", `--port ${portText}: expected a port number from 0 to 65535`);
  }
  return {
    port,
    host: options.host ?? env.MACARON_HOST ?? DEFAULT_HOST,
    db: options.db ?? env.MACARON_DB ?? env.DATABASE_URL ?? DEFAULT_DB,
  };
}

function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

export async function serveCommand(options: ServeCommandOptions, output: Output): Promise<number> {
  const settings = serveSettings(options);
  const { path, validation } = await loadConfig(options.config);
  if (!validation.ok) {
    output.err(`${path}: ${validation.errors.length} error(s), not serving`);
    for (const found of [...validation.errors, ...validation.warnings]) output.err(formatIssue(found));
    return 1;
  }
  const store = await openLedgerStore(settings.db);
  let address: string;
  const app = await buildServer({
    config: validation.config,
    store,
    logger: options.log === true,
    ...(options.scans === undefined ? {} : { scanReportsDir: options.scans }),
    // SQLite commits block their thread: a worker commits while this thread keeps serving.
    ...(store.kind === "sqlite" ? { appendWorker: { url: settings.db } } : {}),
  }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  try {
    address = await app.listen({ port: settings.port, host: settings.host });
  } catch (error) {
    await app.close();
    await store.close();
    throw cliError(
      "CLI_USAGE",
      `cannot listen on ${settings.host}:${settings.port}: ${(error as Error).message}`,
    );
  }
  output.out(`Macaron ledger listening on ${address}`);
  output.out(
    `  store ${store.kind}, revision ${validation.config.revision}; proofs: POST ${address}/v1/consents; admin token: npx macaron token create`,
  );
  const signal = await untilStopped();
  await app.close();
  await store.close();
  output.out(`stopped (${signal})`);
  return 0;
}
