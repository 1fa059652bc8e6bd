/**
 * The whole demo in one process: the shop, Macaron's SDK, the consent ledger and the admin
 * dashboard on one Fastify instance, with the seed policy as configuration.
 */
import { createRequire } from "node:module";
import {
  approximateSeconds,
  type MacaronConfig,
  type MacaronConfigInput,
  parseConfig,
  parseDuration,
} from "@macaron/core";
import { buildServer, type LedgerStore, openLedgerStore } from "@macaron/server";
import { demoConfig } from "./demo-config.ts";
import { macaronHead } from "./macaron-head.ts";
import { shopPlugin } from "./shop-plugin.ts";

export interface DemoOptions {
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** `sqlite:PATH` or a `postgres://` URL. */
  readonly db?: string;
  readonly logger?: boolean;
  /** A different seed configuration (tests); default: examples/shop/macaron.config.json. */
  readonly seed?: MacaronConfigInput;
}

export interface RunningDemo {
  readonly url: string;
  readonly config: MacaronConfig;
  readonly store: LedgerStore;
  /** A fresh admin token for the dashboard, created at start. */
  readonly adminToken: string;
  close(): Promise<void>;
}

export const DEFAULT_DEMO_PORT = 8080;

function sdkPath(): string {
  return createRequire(import.meta.url).resolve("@macaron/web/dist/macaron.js");
}

/** The presentation-choice cookie lives as long as the configuration declares. */
function viewRetentionSeconds(config: MacaronConfig): number {
  const declared = config.services
    .flatMap((service) => service.cookies)
    .find((cookie) => cookie.name === "lpp_view")?.retention;
  const duration = declared === undefined ? undefined : parseDuration(declared);
  if (duration === undefined || duration === "session") {
    throw new Error("the demo configuration must declare the lpp_view cookie with a fixed retention");
  }
  return approximateSeconds(duration);
}

export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const host = options.host ?? "127.0.0.1";
  const requestedPort = options.port ?? DEFAULT_DEMO_PORT;
  const store = await openLedgerStore(options.db ?? "sqlite:./macaron.db");
  try {
    // The configuration names the shop's own origin, which is known only once the port is: with
    // port 0, reserve one first by listening on a throw-away server.
    const port = requestedPort === 0 ? await freePort(host) : requestedPort;
    const url = `http://${host}:${port}`;
    const config = parseConfig(demoConfig(url, options.seed));
    const app = await buildServer({
      config,
      store,
      sdkPath: sdkPath(),
      logger: options.logger ?? false,
      // Where `npx macaron scan` writes its report by default: the dashboard lists it.
      scanReportsDir: "macaron-scan",
    });
    const head = await macaronHead(config);
    await app.register(shopPlugin, { macaronHead: head, viewRetentionSeconds: viewRetentionSeconds(config) });
    await app.listen({ host, port });
    const { token } = await store.createToken(`demo ${new Date().toISOString()}`);
    return {
      url,
      config,
      store,
      adminToken: token,
      async close() {
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

async function freePort(host: string): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
