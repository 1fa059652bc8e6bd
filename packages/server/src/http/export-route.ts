/**
 * `GET /v1/admin/export?format=csv|ndjson`: every matching proof, streamed. The store reads in
 * batches and the response stream pulls only as fast as the client reads, so memory stays flat
 * whatever the number of proofs.
 */
import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { LedgerStore } from "../store/ledger-store.ts";
import { type FilterQuery, filterProperties, proofQuery } from "./admin-query.ts";
import { EXPORT_CONTENT_TYPES, type ExportFormat, exportLines } from "./export-format.ts";

/** Joins lines into ~64 KiB chunks: a million one-line writes would cost more than the export. */
async function* chunks(lines: AsyncIterable<string>): AsyncGenerator<string> {
  let chunk = "";
  for await (const line of lines) {
    chunk += line;
    if (chunk.length >= 64 * 1024) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk !== "") yield chunk;
}

export async function exportRoute(app: FastifyInstance, options: { store: LedgerStore }): Promise<void> {
  app.get<{ Querystring: FilterQuery & { format?: ExportFormat } }>(
    "/export",
    {
      schema: {
        querystring: {
          type: "object",
          properties: { ...filterProperties, format: { type: "string", enum: ["csv", "ndjson"] } },
        },
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? "ndjson";
      const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
      const body = Readable.from(
        chunks(exportLines(format, options.store.streamProofs(proofQuery(request.query)))),
      );
      return reply
        .type(EXPORT_CONTENT_TYPES[format])
        .header("content-disposition", `attachment; filename="macaron-proofs-${stamp}.${format}"`)
        .send(body);
    },
  );
}
