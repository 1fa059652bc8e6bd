/**
 * One server of the ledger benchmark, in its own process so that the load generator does not
 * share its event loop: `ceiling` (Fastify's bare handler that validates the record and discards
 * it), or the real `buildServer` on `sqlite:` / `postgres:` storage (SQLite commits on a worker
 * thread as `macaron serve` does, or with `main` as third argument on the main thread). Prints its URL as one JSON
 * line; on SIGTERM prints the group-commit counters and exits.
 */
import { consentRecordSchema } from "@macaron/core";
import { buildServer, openLedgerStore } from "@macaron/server";
import Fastify from "fastify";
import { benchConfig } from "./fixtures.ts";

const [mode = "ceiling", db = "", thread = "worker"] = process.argv.slice(2);

async function ceiling() {
  const app = Fastify();
  app.addContentTypeParser(
    ["application/json", "text/plain"],
    { parseAs: "buffer", bodyLimit: 8 * 1024 },
    (_request, body, done) => done(null, body),
  );
  app.post("/v1/consents", async (request, reply) => {
    const parsed = consentRecordSchema.safeParse(JSON.parse((request.body as Buffer).toString("utf8")));
    if (!parsed.success) return reply.code(400).send({ error: { code: "INVALID_RECORD" } });
    return reply.code(201).send({ recordId: parsed.data.id, hash: "" });
  });
  return { app, report: () => ({}), close: async () => {} };
}

async function durable() {
  const store = await openLedgerStore(db);
  const app = await buildServer({
    config: benchConfig(),
    store,
    rateLimit: false,
    // As `macaron serve` runs SQLite: commits on a worker thread (unless measuring without).
    ...(store.kind === "sqlite" && thread === "worker" ? { appendWorker: { url: db } } : {}),
  });
  return {
    app,
    report: () => ({ commits: app.proofWriter.commits, committed: app.proofWriter.committed }),
    close: () => store.close(),
  };
}

const server = mode === "ceiling" ? await ceiling() : await durable();
const url = await server.app.listen({ port: 0, host: "127.0.0.1" });
process.stdout.write(`${JSON.stringify({ url })}\n`);
process.once("SIGTERM", async () => {
  await server.app.close();
  process.stdout.write(`${JSON.stringify(server.report())}\n`);
  await server.close();
  process.exit(0);
});
