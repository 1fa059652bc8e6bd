/**
 * `GET /v1/admin/export?format=csv|ndjson|iso27560|kantara`: every matching proof, streamed. The
 * store reads in batches and the response stream pulls only as fast as the client reads, so
 * memory stays flat whatever the number of proofs.
 */
import { Readable } from "node:stream";
import type { MacaronConfig } from "@macaron/core";
import type { FastifyInstance } from "fastify";
import {
  chunked,
  EXPORT_FORMATS,
  exportLines,
  LEDGER_EXPORT_CONTENT_TYPES,
  type LedgerExportFormat,
  ledgerCategories,
} from "../export/export-lines.ts";
import { receiptContext } from "../export/receipt-context.ts";
import type { LedgerStore } from "../store/ledger-store.ts";
import { type FilterQuery, filterProperties, proofQuery } from "./admin-query.ts";

const EXTENSIONS: Record<LedgerExportFormat, string> = {
  csv: "csv",
  ndjson: "ndjson",
  iso27560: "iso27560.ndjson",
  kantara: "kantara.ndjson",
};

export async function exportRoute(
  app: FastifyInstance,
  options: { store: LedgerStore; config: MacaronConfig },
): Promise<void> {
  const { store, config } = options;
  const context = receiptContext(config);
  app.get<{ Querystring: FilterQuery & { format?: LedgerExportFormat } }>(
    "/export",
    {
      schema: {
        querystring: {
          type: "object",
          properties: { ...filterProperties, format: { type: "string", enum: [...EXPORT_FORMATS] } },
        },
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? "ndjson";
      const categories = format === "csv" ? await ledgerCategories(store) : [];
      const lines = exportLines(format, store.streamProofs(proofQuery(request.query)), {
        categories,
        context,
      });
      const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
      return reply
        .type(LEDGER_EXPORT_CONTENT_TYPES[format])
        .header("content-disposition", `attachment; filename="macaron-proofs-${stamp}.${EXTENSIONS[format]}"`)
        .send(Readable.from(chunked(lines)));
    },
  );
}
