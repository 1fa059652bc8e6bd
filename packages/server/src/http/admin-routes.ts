/**
 * The administrator's API under `/v1/admin`, behind a Bearer token: proofs page by page with
 * filters, the streamed export, and the statistics behind the dashboard.
 */
import type { MacaronConfig } from "@macaron/core";
import type { FastifyInstance } from "fastify";
import type { LedgerStore } from "../store/ledger-store.ts";
import { requireAdminToken } from "./admin-auth.ts";
import { type FilterQuery, filterProperties, periodProperties, proofQuery } from "./admin-query.ts";
import { exportRoute } from "./export-route.ts";

export async function adminRoutes(
  app: FastifyInstance,
  options: { store: LedgerStore; config: MacaronConfig },
): Promise<void> {
  const { store } = options;
  requireAdminToken(app, store);
  app.addHook("onSend", async (_request, reply) => {
    reply.header("cache-control", "no-store");
    reply.header("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
  });

  app.get<{ Querystring: FilterQuery & { cursor?: string; limit?: number } }>(
    "/records",
    {
      schema: {
        querystring: {
          type: "object",
          properties: {
            ...filterProperties,
            cursor: { type: "string", minLength: 1, maxLength: 1000 },
            limit: { type: "integer", minimum: 1, maximum: 500 },
          },
        },
      },
    },
    async (request) => {
      const { cursor, limit } = request.query;
      const page = await store.proofs(proofQuery(request.query), {
        ...(cursor === undefined ? {} : { cursor }),
        ...(limit === undefined ? {} : { limit }),
      });
      return { records: page.proofs, nextCursor: page.nextCursor };
    },
  );

  app.get<{ Querystring: { from?: string; to?: string } }>(
    "/stats",
    { schema: { querystring: { type: "object", properties: periodProperties } } },
    async (request) => {
      const { from, to } = request.query;
      return store.stats({ ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) });
    },
  );

  await app.register(exportRoute, { store, config: options.config });
}
