/**
 * The ledger's HTTP server: one Fastify instance, not yet listening, with the proof intake, the
 * policy, the visitor's history, the admin API, the SDK, the cookie policy page and a health
 * check. The demo shop (and any site) registers its own routes on the same instance, so only
 * Macaron's paths are claimed here, and no global Content-Security-Policy is set.
 */
import cors from "@fastify/cors";
import rateLimit from "@fastify/rate-limit";
import type { MacaronConfig } from "@macaron/core";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import { adminPlugin } from "./admin/plugin.ts";
import { adminRoutes } from "./http/admin-routes.ts";
import { allowedOrigins } from "./http/allowed-origins.ts";
import { consentRoutes } from "./http/consent-routes.ts";
import { cookiePolicyRoute } from "./http/cookie-policy-route.ts";
import { registerErrorReplies } from "./http/error-replies.ts";
import { healthRoute } from "./http/health-route.ts";
import { policyRoute } from "./http/policy-route.ts";
import { defaultSdkPath, sdkRoute } from "./http/sdk-route.ts";
import { registerSecurityHeaders } from "./http/security-headers.ts";
import { PolicyRevisions } from "./policy-revisions.ts";
import { type ProofSink, ProofWriter } from "./proof-writer.ts";
import { IpPseudonymiser } from "./pseudonymise-ip.ts";
import type { LedgerStore } from "./store/ledger-store.ts";
import { WorkerProofWriter } from "./worker-proof-writer.ts";

export interface BuildServerOptions {
  readonly config: MacaronConfig;
  readonly store: LedgerStore;
  /** The SDK build served at /macaron.js; default: @macaron/web's dist/macaron.js. */
  readonly sdkPath?: string;
  /** Structured JSON logs on standard output (never the client IP). Default false. */
  readonly logger?: boolean;
  /** Proofs per client IP and window on `POST /v1/consents`; false turns the limit off. */
  readonly rateLimit?: false | { readonly max: number; readonly timeWindow: number | string };
  /** Behind a load balancer: trust its `X-Forwarded-For` (Fastify's `trustProxy`). */
  readonly trustProxy?: boolean | string;
  /** Most proofs per group commit. */
  readonly maxBatch?: number;
  /**
   * Group-commit proofs on a worker thread with its own connection to this ledger URL (the
   * store's). Worth it for SQLite, whose commits block the thread: the main thread keeps serving
   * during the fsync. Closed with the server.
   */
  readonly appendWorker?: { readonly url: string };
  /** A folder of `macaron scan` reports (its `*.json` files and sub-folders' `report.json`), for the dashboard. */
  readonly scanReportsDir?: string;
}

/** A visitor's decisions come a few at a time; this leaves room for shared (NAT) addresses. */
export const DEFAULT_RATE_LIMIT = { max: 600, timeWindow: "1 minute" } as const;

declare module "fastify" {
  interface FastifyInstance {
    /** The group-commit writer behind `POST /v1/consents` (its counters show the batching). */
    readonly proofWriter: ProofSink;
  }
}

// The default request serializer logs the remote address: the raw IP must never be logged.
const logSerializers = {
  req: (request: FastifyRequest) => ({ method: request.method, url: request.url }),
};

export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const { config, store } = options;
  const app = Fastify({
    logger: options.logger ? { serializers: logSerializers } : false,
    trustProxy: options.trustProxy ?? false,
  });
  registerErrorReplies(app);
  registerSecurityHeaders(app, {
    // A global CSP or X-Frame-Options would break the pages the site serves on this instance
    // (the demo's embeds are framed from other hosts): each route of ours sets its own CSP with
    // frame-ancestors. Cross-origin isolation headers would keep the SDK from loading on the site.
    contentSecurityPolicy: false,
    frameguard: false,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: false,
  });

  const revisions = await PolicyRevisions.publish(config, store);
  const batching = options.maxBatch === undefined ? {} : { maxBatch: options.maxBatch };
  const worker = options.appendWorker
    ? await WorkerProofWriter.start(options.appendWorker.url, batching)
    : undefined;
  const writer: ProofSink = worker ?? new ProofWriter(store, batching);
  app.decorate("proofWriter", writer);
  const origins = allowedOrigins(config);

  await app.register(
    async (api) => {
      await api.register(cors, {
        origin: (origin, callback) => callback(null, origin !== undefined && origins.includes(origin)),
        methods: ["GET", "POST"],
        allowedHeaders: ["content-type"],
        maxAge: 86_400,
      });
      await api.register(rateLimit, { global: false });
      api.addHook("onSend", async (_request, reply) => {
        if (!reply.hasHeader("content-security-policy"))
          reply.header("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
      });
      await api.register(consentRoutes, {
        config,
        store,
        revisions,
        writer,
        pseudonymiser: new IpPseudonymiser(store),
        origins,
        rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
      });
      await api.register(policyRoute, { policy: revisions.current });
    },
    { prefix: "/v1" },
  );
  await app.register(adminRoutes, { prefix: "/v1/admin", store, config });
  const sdkPath = options.sdkPath ?? defaultSdkPath();
  await app.register(adminPlugin, {
    prefix: "/admin",
    store,
    config,
    sdkPath,
    ...(options.scanReportsDir === undefined ? {} : { scanReportsDir: options.scanReportsDir }),
  });
  await app.register(sdkRoute, { sdkPath });
  await app.register(cookiePolicyRoute, { config });
  await app.register(healthRoute, { store, policy: revisions.current });
  app.addHook("onClose", async () => {
    await writer.flushed();
    await worker?.close();
  });
  return app;
}
