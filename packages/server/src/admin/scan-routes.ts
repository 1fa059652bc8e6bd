/** The scan pages: reports listed from the reports directory or uploaded, and their findings. */
import type { FastifyInstance } from "fastify";
import { type AdminContext, pageContext, sendPage } from "./admin-context.ts";
import { checkForm } from "./auth-routes.ts";
import { scanReportPage, scansPage } from "./pages/scans.ts";
import { parseScanReport } from "./scan-report.ts";
import { MAX_REPORT_BYTES } from "./scan-reports.ts";

export function registerScanPages(app: FastifyInstance, context: AdminContext): void {
  const { scanReports } = context;

  app.get("/scans", async (request, reply) =>
    sendPage(
      reply,
      scansPage(pageContext(context, request), {
        reports: await scanReports.list(),
        directory: scanReports.directory,
      }),
    ),
  );

  // The report travels as a form field (urlencoded, no multipart parser): a few times its size at most.
  app.post("/scans", { bodyLimit: MAX_REPORT_BYTES * 3 }, async (request, reply) => {
    if (!checkForm(request, reply)) return reply;
    const body = request.body as Record<string, unknown>;
    const text = typeof body.report === "string" ? body.report : "";
    const name = typeof body.name === "string" ? body.name.slice(0, 200) : "";
    const parsed =
      Buffer.byteLength(text) > MAX_REPORT_BYTES
        ? ({ ok: false, message: `larger than ${MAX_REPORT_BYTES / 1024 / 1024} MB` } as const)
        : parseScanReport(text);
    if (!parsed.ok) {
      const markup = scansPage(pageContext(context, request), {
        reports: await scanReports.list(),
        directory: scanReports.directory,
        error: `This report cannot be read: ${parsed.message}.`,
      });
      return sendPage(reply, markup, 400);
    }
    const entry = scanReports.add(name, text, context.now());
    return reply.redirect(`${context.base}/scans/${entry.id}`, 303);
  });

  app.get<{ Params: { id: string } }>("/scans/:id", async (request, reply) => {
    const found = await scanReports.read(request.params.id);
    if (found === undefined) return reply.callNotFound();
    const parsed = parseScanReport(found.text);
    if (!parsed.ok) {
      const markup = scansPage(pageContext(context, request), {
        reports: await scanReports.list(),
        directory: scanReports.directory,
        error: `${found.entry.name} cannot be read: ${parsed.message}.`,
      });
      return sendPage(reply, markup, 422);
    }
    return sendPage(reply, scanReportPage(pageContext(context, request), found.entry, parsed.report));
  });
}
