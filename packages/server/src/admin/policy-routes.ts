/** The policy pages: revisions, a diff between two, and the live preview of banner and dialog. */
import { readFile, stat } from "node:fs/promises";
import type { FastifyInstance } from "fastify";
import { type AdminContext, pageContext, sendPage } from "./admin-context.ts";
import { policyDiffPage, policyPage } from "./pages/policy.ts";
import {
  PREVIEW_VIEWS,
  type PreviewView,
  policyPreviewPage,
  previewFramePage,
} from "./pages/policy-preview.ts";
import { revisionClientConfig } from "./revision-content.ts";

type Query = Record<string, string | undefined>;

/** The preview frame runs the SDK, which injects its own styles (a `<style>` element). */
export const PREVIEW_FRAME_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

async function sdkBuilt(path: string): Promise<boolean> {
  return stat(path).then(
    (file) => file.isFile(),
    () => false,
  );
}

export function registerPolicyPages(app: FastifyInstance, context: AdminContext): void {
  const { store } = context;

  app.get("/policy", async (request, reply) =>
    sendPage(reply, policyPage(pageContext(context, request), await store.revisions())),
  );

  app.get<{ Querystring: Query }>("/policy/diff", async (request, reply) => {
    const revisions = await store.revisions();
    const from = revisions.find((revision) => revision.contentHash === request.query.from);
    const to = revisions.find((revision) => revision.contentHash === request.query.to);
    if (from === undefined || to === undefined) return reply.callNotFound();
    return sendPage(reply, policyDiffPage(pageContext(context, request), revisions, from, to));
  });

  app.get<{ Querystring: Query }>("/policy/preview", async (request, reply) => {
    const revision = await store.revisionByHash(request.query.revision ?? "");
    const client = revision && revisionClientConfig(revision);
    if (revision === undefined || client === undefined) return reply.callNotFound();
    const available = await sdkBuilt(context.sdkPath);
    return sendPage(
      reply,
      policyPreviewPage(pageContext(context, request), revision, client, available, context.sdkPath),
    );
  });

  app.get<{ Querystring: Query }>("/policy/preview/frame", async (request, reply) => {
    const revision = await store.revisionByHash(request.query.revision ?? "");
    const client = revision && revisionClientConfig(revision);
    const language = request.query.lang ?? "";
    const view = (PREVIEW_VIEWS as readonly string[]).includes(request.query.view ?? "")
      ? (request.query.view as PreviewView)
      : "banner";
    if (client === undefined || !client.languages.includes(language)) return reply.callNotFound();
    reply.header("content-security-policy", PREVIEW_FRAME_CSP);
    return sendPage(reply, previewFramePage(pageContext(context, request), client, language, view));
  });

  app.get("/policy/preview/macaron.js", async (_request, reply) => {
    if (!(await sdkBuilt(context.sdkPath)))
      return reply
        .code(404)
        .type("text/plain; charset=utf-8")
        .send("The SDK build is missing: run `npm run build -w @macaron/web`.");
    return reply
      .type("text/javascript; charset=utf-8")
      .header("cache-control", "no-cache")
      .send(await readFile(context.sdkPath));
  });
}
