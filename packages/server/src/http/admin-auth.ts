/** Admin routes answer only to `Authorization: Bearer <token>` with a token the store knows. */
import type { FastifyInstance } from "fastify";
import type { LedgerStore } from "../store/ledger-store.ts";
import { httpError } from "./errors.ts";

const BEARER = /^Bearer[ \t]+([\x21-\x7e]{1,512})[ \t]*$/i;

export function requireAdminToken(app: FastifyInstance, store: Pick<LedgerStore, "checkToken">): void {
  app.addHook("onRequest", async (request, reply) => {
    const token = BEARER.exec(request.headers.authorization ?? "")?.[1];
    const admin = token === undefined ? undefined : await store.checkToken(token);
    if (admin === undefined) {
      reply.header("www-authenticate", 'Bearer realm="macaron-admin"');
      throw httpError(
        "UNAUTHORIZED",
        token === undefined ? "missing Authorization: Bearer <token>" : "unknown or revoked admin token",
      );
    }
  });
}
