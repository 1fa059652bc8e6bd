/**
 * The third-party stand-ins' server side: their scripts, their collection endpoints (which answer
 * and remember nothing) and the Instagram embed, each answering only on its own host name.
 */
import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { CATALOGUE } from "./catalogue.ts";
import { html } from "./html.ts";
import { productSvg } from "./product-images.ts";
import { hostConstraint } from "./third-party-hosts.ts";

const script = (name: string) => readFileSync(new URL(`../stand-ins/${name}`, import.meta.url), "utf8");
const SCRIPTS = { analytics: script("analytics.js"), ads: script("ads.js"), pixel: script("pixel.js") };

const GIF_PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

export async function thirdPartyStandIns(app: FastifyInstance): Promise<void> {
  const serveScript = (party: keyof typeof SCRIPTS, url: string) =>
    app.get(url, { constraints: { host: hostConstraint(party) } }, (_request, reply) =>
      reply.type("text/javascript; charset=utf-8").header("cache-control", "no-store").send(SCRIPTS[party]),
    );
  serveScript("analytics", "/gtag/js");
  serveScript("ads", "/pagead/conversion_async.js");
  serveScript("pixel", "/en_US/fbevents.js");

  const pixelReply = { "cache-control": "no-store", "access-control-allow-origin": "*" };
  app.route({
    method: ["GET", "POST"],
    url: "/g/collect",
    constraints: { host: hostConstraint("analytics") },
    handler: (_request, reply) => reply.code(204).headers(pixelReply).send(),
  });
  app.get("/pagead/conversion", { constraints: { host: hostConstraint("ads") } }, (_request, reply) =>
    reply.type("image/gif").headers(pixelReply).send(GIF_PIXEL),
  );
  app.get("/tr", { constraints: { host: hostConstraint("pixel") } }, (_request, reply) =>
    reply.type("image/gif").headers(pixelReply).send(GIF_PIXEL),
  );

  // The embed sets no cookie: Instagram's own (csrftoken, mid, ig_did) live on .instagram.com,
  // which a stand-in on another host cannot reproduce.
  app.get("/embed/:account", { constraints: { host: hostConstraint("instagram") } }, (request, reply) => {
    const { account } = request.params as { account: string };
    const posts = CATALOGUE.slice(0, 3).map(
      (product) =>
        html`<li><img alt="${product.name.en}" src="data:image/svg+xml;base64,${Buffer.from(productSvg(product)).toString("base64")}" width="120" height="120"></li>`,
    );
    reply.type("text/html; charset=utf-8").send(
      html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>@${account} on Instagram (stand-in)</title>
<style>body{margin:0;font:14px system-ui,sans-serif;color:#262626}header{padding:8px 12px;font-weight:600}ul{display:flex;gap:6px;list-style:none;margin:0;padding:0 12px 12px}</style></head>
<body><header>@${account}</header><ul>${posts}</ul></body></html>`.value,
    );
  });
}
