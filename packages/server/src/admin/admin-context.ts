/** What every dashboard route shares: the store, the configuration, sessions, assets, the clock. */
import type { MacaronConfig } from "@macaron/core";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { LedgerStore } from "../store/ledger-store.ts";
import type { AdminAssets } from "./assets.ts";
import type { PageContext } from "./layout.ts";
import type { ScanReports } from "./scan-reports.ts";
import type { AdminSession, AdminSessions } from "./sessions.ts";

export interface AdminContext {
  readonly base: string;
  readonly store: LedgerStore;
  readonly config: MacaronConfig;
  readonly sessions: AdminSessions;
  readonly assets: AdminAssets;
  readonly sdkPath: string;
  readonly scanReports: ScanReports;
  readonly now: () => Date;
}

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in administrator's session on dashboard routes (set by the sign-in check). */
    adminSession: AdminSession | null;
  }
  interface FastifyContextConfig {
    /** A dashboard route reachable without signing in (sign-in form, static files). */
    adminPublic?: boolean;
  }
}

export function pageContext(context: AdminContext, request: FastifyRequest): PageContext {
  const asset = (name: string) => context.assets.url(name);
  return request.adminSession
    ? { base: context.base, asset, session: request.adminSession }
    : { base: context.base, asset };
}

export function sendPage(reply: FastifyReply, markup: string, status = 200) {
  return reply.code(status).type("text/html; charset=utf-8").send(markup);
}
