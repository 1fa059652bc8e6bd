/**
 * The demo shop as a Fastify plugin, so it can be mounted beside Macaron's server in one process:
 * its pages, its stylesheet, its images and the third-party stand-ins on their own host names.
 */
import { readFileSync } from "node:fs";
import cookie from "@fastify/cookie";
import formBody from "@fastify/formbody";
import type { FastifyInstance } from "fastify";
import { accountPages } from "./pages/account-pages.ts";
import { cataloguePages } from "./pages/catalogue-pages.ts";
import type { ShopOptions } from "./request-context.ts";
import { SessionStore } from "./sessions.ts";
import { thirdPartyStandIns } from "./third-parties.ts";

const STYLESHEET = readFileSync(new URL("../public/shop.css", import.meta.url), "utf8");

export async function shopPlugin(app: FastifyInstance, options: ShopOptions): Promise<void> {
  // The host server may already parse cookies and forms (the admin dashboard does).
  if (!app.hasRequestDecorator("cookies")) await app.register(cookie);
  if (!app.hasContentTypeParser("application/x-www-form-urlencoded")) await app.register(formBody);

  const sessions = new SessionStore();
  app.get("/shop.css", (_request, reply) =>
    reply.type("text/css; charset=utf-8").header("cache-control", "public, max-age=3600").send(STYLESHEET),
  );
  cataloguePages(app, sessions, options);
  accountPages(app, sessions, options);
  await app.register(thirdPartyStandIns);
}
