/**
 * `GET /v1/policy`: the SDK's configuration, exactly the published content each proof points to,
 * with its content hash as ETag. `no-cache` makes browsers revalidate (a cheap 304) so a new
 * revision reaches visitors on their next page.
 */
import type { FastifyInstance } from "fastify";
import type { PublishedPolicy } from "../policy-revisions.ts";
import { matchesEtag } from "./conditional.ts";

export async function policyRoute(app: FastifyInstance, options: { policy: PublishedPolicy }): Promise<void> {
  const { etag, revision } = options.policy;
  app.get("/policy", async (request, reply) => {
    reply
      .header("etag", etag)
      .header("cache-control", "no-cache")
      .header("cross-origin-resource-policy", "cross-origin");
    if (matchesEtag(request.headers["if-none-match"], etag)) return reply.code(304).send();
    return reply.type("application/json; charset=utf-8").send(revision.content);
  });
}
