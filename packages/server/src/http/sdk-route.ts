/**
 * `GET /macaron.js`: the SDK build, read from disk on each request (it may be rebuilt while the
 * server runs), revalidated by ETag and loadable from the site's pages on any origin.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { matchesEtag } from "./conditional.ts";
import { httpError } from "./errors.ts";

/** The SDK build of `@macaron/web`; in this monorepo, packages/web/dist/macaron.js. */
export function defaultSdkPath(): string {
  try {
    return createRequire(import.meta.url).resolve("@macaron/web/dist/macaron.js");
  } catch {
    // Not built yet: resolve() checks that the file exists. Point where the build will write it.
    return fileURLToPath(new URL("../../../web/dist/macaron.js", import.meta.url));
  }
}

export async function sdkRoute(app: FastifyInstance, options: { sdkPath: string }): Promise<void> {
  app.get("/macaron.js", async (request, reply) => {
    const file = await stat(options.sdkPath).catch(() => undefined);
    if (!file?.isFile()) {
      throw httpError(
        "SDK_NOT_BUILT",
        "the SDK build (macaron.js) is missing: run `npm run build -w @macaron/web`",
      );
    }
    const etag = `"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
    reply
      .header("etag", etag)
      .header("last-modified", file.mtime.toUTCString())
      .header("cache-control", "public, max-age=300, stale-while-revalidate=86400")
      .header("cross-origin-resource-policy", "cross-origin")
      .header("access-control-allow-origin", "*");
    if (matchesEtag(request.headers["if-none-match"], etag)) return reply.code(304).send();
    return reply
      .type("text/javascript; charset=utf-8")
      .header("content-length", file.size)
      .send(createReadStream(options.sdkPath));
  });
}
