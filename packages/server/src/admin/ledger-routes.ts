/** The ledger's pages: the overview, the proof search, a proof's detail, and the exports. */
import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import {
  chunked,
  exportLines,
  LEDGER_EXPORT_CONTENT_TYPES,
  type LedgerExportFormat,
  ledgerCategories,
} from "../export/export-lines.ts";
import { receiptContext } from "../export/receipt-context.ts";
import { type AdminContext, pageContext, sendPage } from "./admin-context.ts";
import { checkProofChain } from "./chain-check.ts";
import { nextDay, parseFilters, parsePeriod } from "./filters.ts";
import { overviewData } from "./overview-data.ts";
import { overviewPage } from "./pages/overview.ts";
import { proofDetailPage } from "./pages/proof-detail.ts";
import { proofsPage } from "./pages/proofs.ts";

type Query = Record<string, string | undefined>;

/** Each export's file name (after `export/`), also its download name's ending. */
export const EXPORT_FILES: Readonly<Record<LedgerExportFormat, string>> = {
  csv: "csv",
  ndjson: "ndjson",
  iso27560: "iso27560.ndjson",
  kantara: "kantara.ndjson",
};

/** Proofs per page of the search. */
const PAGE_SIZE = 50;

export function registerLedgerPages(app: FastifyInstance, context: AdminContext): void {
  const { store, config } = context;

  app.get<{ Querystring: Query }>("/", async (request, reply) => {
    const { period, errors } = parsePeriod(request.query, context.now());
    const stats = await store.stats({ from: period.from, to: nextDay(period.to) });
    const ledgerIsEmpty = stats.decisions === 0 && (await store.proofs({}, { limit: 1 })).proofs.length === 0;
    const markup = overviewPage(
      pageContext(context, request),
      overviewData(stats, config, period),
      errors,
      ledgerIsEmpty,
    );
    return sendPage(reply, markup, errors.length > 0 ? 400 : 200);
  });

  app.get<{ Querystring: Query }>("/proofs", async (request, reply) => {
    const parsed = parseFilters(request.query);
    const { form, query } = parsed;
    const errors = [...parsed.errors];
    const cursor = request.query.cursor;
    const found =
      errors.length > 0
        ? { proofs: [], nextCursor: null }
        : await store
            .proofs(query, { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) })
            .catch(() => undefined);
    if (found === undefined) {
      errors.push({ field: "consentId", message: "this page link is out of date: search again" });
    }
    const markup = proofsPage(pageContext(context, request), config, {
      form,
      errors,
      proofs: found?.proofs ?? [],
      nextCursor: found?.nextCursor ?? null,
      paged: Boolean(cursor),
    });
    return sendPage(reply, markup, errors.length > 0 ? 400 : 200);
  });

  app.get<{ Params: { id: string } }>("/proofs/:id", async (request, reply) => {
    const proof = await store.proof(request.params.id);
    if (proof === undefined) return reply.callNotFound();
    const revision = await store.revisionByHash(proof.policyHash);
    return sendPage(
      reply,
      proofDetailPage(
        pageContext(context, request),
        proof,
        revision,
        checkProofChain(proof, await store.chainAround(proof.seq)),
      ),
    );
  });

  // The same formats and streams as `GET /v1/admin/export`, with the dashboard's filters.
  const receipts = receiptContext(config);
  app.get<{ Params: { file: string }; Querystring: Query }>("/export/:file", async (request, reply) => {
    const format = (Object.keys(EXPORT_FILES) as LedgerExportFormat[]).find(
      (candidate) => EXPORT_FILES[candidate] === request.params.file,
    );
    if (format === undefined) return reply.callNotFound();
    const { query, errors } = parseFilters(request.query);
    if (errors.length > 0) {
      const [first] = errors;
      return reply
        .code(400)
        .send({ error: { code: "INVALID_QUERY", message: first?.message, path: first?.field } });
    }
    const categories = format === "csv" ? await ledgerCategories(store) : [];
    const lines = exportLines(format, store.streamProofs(query), { categories, context: receipts });
    const stamp = context.now().toISOString().slice(0, 19).replace(/[:T]/g, "-");
    return reply
      .type(LEDGER_EXPORT_CONTENT_TYPES[format])
      .header("content-disposition", `attachment; filename="macaron-proofs-${stamp}.${EXPORT_FILES[format]}"`)
      .send(Readable.from(chunked(lines)));
  });
}
