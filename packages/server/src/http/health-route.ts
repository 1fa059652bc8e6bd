/** `GET /healthz`: 200 when the ledger answers, 503 when it does not (for load balancers). */
import type { FastifyInstance } from "fastify";
import type { PublishedPolicy } from "../policy-revisions.ts";
import type { LedgerStore } from "../store/ledger-store.ts";

export async function healthRoute(
  app: FastifyInstance,
  options: { store: LedgerStore; policy: PublishedPolicy },
): Promise<void> {
  const { store, policy } = options;
  app.get("/healthz", async (request, reply) => {
    reply.header("cache-control", "no-store");
    try {
      await store.revisionByHash(policy.revision.contentHash);
    } catch (error) {
      request.log.error({ err: error }, "health check: the ledger does not answer");
      return reply.code(503).send({ status: "unavailable", store: store.kind });
    }
    return { status: "ok", store: store.kind, revision: policy.revision.revision };
  });
}
