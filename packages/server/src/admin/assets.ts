/**
 * The dashboard's static files (its stylesheet and scripts, uPlot's build), read once at start and
 * served under versioned URLs (`?v=<content hash>`), so browsers may cache them for a year.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { FastifyInstance } from "fastify";

interface Asset {
  readonly body: Buffer;
  readonly type: string;
  readonly version: string;
}

const require = createRequire(import.meta.url);
const own = (name: string) => new URL(`./assets/${name}`, import.meta.url);

const SOURCES: Readonly<Record<string, { readonly file: URL | string; readonly type: string }>> = {
  "admin.css": { file: own("admin.css"), type: "text/css; charset=utf-8" },
  "charts.js": { file: own("charts.js"), type: "text/javascript; charset=utf-8" },
  "preview.js": { file: own("preview.js"), type: "text/javascript; charset=utf-8" },
  "scan-upload.js": { file: own("scan-upload.js"), type: "text/javascript; charset=utf-8" },
  "uPlot.min.css": { file: require.resolve("uplot/dist/uPlot.min.css"), type: "text/css; charset=utf-8" },
  "uPlot.iife.min.js": {
    file: require.resolve("uplot/dist/uPlot.iife.min.js"),
    type: "text/javascript; charset=utf-8",
  },
};

export interface AdminAssets {
  /** The versioned URL of an asset, e.g. `/admin/assets/admin.css?v=1a2b3c4d5e6f`. */
  url(name: string): string;
}

export async function registerAssets(app: FastifyInstance, base: string): Promise<AdminAssets> {
  const assets = new Map<string, Asset>();
  for (const [name, source] of Object.entries(SOURCES)) {
    const body = await readFile(source.file);
    const version = createHash("sha256").update(body).digest("hex").slice(0, 12);
    assets.set(name, { body, type: source.type, version });
  }
  app.get<{ Params: { name: string }; Querystring: { v?: string } }>(
    "/assets/:name",
    { config: { adminPublic: true } },
    async (request, reply) => {
      const asset = assets.get(request.params.name);
      if (asset === undefined) return reply.code(404).type("text/plain").send("No such asset.");
      const etag = `"${asset.version}"`;
      reply
        .header("etag", etag)
        .header(
          "cache-control",
          request.query.v === asset.version ? "public, max-age=31536000, immutable" : "public, max-age=300",
        )
        .header("x-content-type-options", "nosniff");
      if (request.headers["if-none-match"] === etag) return reply.code(304).send();
      return reply.type(asset.type).send(asset.body);
    },
  );
  return {
    url(name) {
      const asset = assets.get(name);
      if (asset === undefined) throw new Error(`unknown admin asset ${name}`);
      return `${base}/assets/${name}?v=${asset.version}`;
    },
  };
}
