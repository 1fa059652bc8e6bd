/**
 * The dashboard as `buildServer` mounts it (beside the ledger's own routes, helmet and the JSON
 * error replies), through a real socket: signing in with a form post, the page's security headers,
 * cached assets, and the ledger API's JSON errors left as they were.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/build-server.ts";
import type { LedgerStore } from "../../src/store/ledger-store.ts";
import { openLedgerStore } from "../../src/store/open-ledger-store.ts";
import { seedConfig } from "./fixtures/seed-ledger.ts";

let directory: string;
let store: LedgerStore;
let app: FastifyInstance;
let url: string;
let token: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "macaron-admin-mounted-"));
  store = await openLedgerStore(`sqlite:${join(directory, "ledger.db")}`);
  token = (await store.createToken("mounted")).token;
  app = await buildServer({ config: seedConfig(1), store });
  url = await app.listen({ port: 0, host: "127.0.0.1" });
});

afterAll(async () => {
  await app?.close();
  await store?.close();
  if (directory) await rm(directory, { recursive: true, force: true });
});

const cookiesOf = (response: Response) =>
  response.headers.getSetCookie().map((cookie) => cookie.split(";")[0] ?? "");

describe("the dashboard mounted by buildServer", () => {
  it("sends a visitor who is not signed in to the sign-in page, under a strict CSP", async () => {
    const response = await fetch(`${url}/admin/proofs`, { redirect: "manual" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/admin/sign-in?next=%2Fadmin%2Fproofs");
    const signIn = await fetch(`${url}/admin/sign-in`);
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(signIn.headers.get("content-security-policy")).not.toContain("unsafe-inline");
    expect(signIn.headers.get("cache-control")).toBe("no-store");
  });

  it("signs in with a form post and shows the empty ledger's advice", async () => {
    const form = await fetch(`${url}/admin/sign-in`);
    const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
    const signedIn = await fetch(`${url}/admin/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: {
        cookie: cookiesOf(form).join("; "),
        "content-type": "application/x-www-form-urlencoded",
        origin: url,
      },
      body: new URLSearchParams({ csrf, token, next: "/admin" }).toString(),
    });
    expect(signedIn.status).toBe(303);
    const session = cookiesOf(signedIn).find((cookie) => cookie.startsWith("macaron_admin="));
    expect(session).toBeDefined();
    const overview = await fetch(`${url}/admin`, { headers: { cookie: session ?? "" } });
    expect(overview.status).toBe(200);
    const text = await overview.text();
    expect(text).toContain("No proofs yet");
    expect(text).toContain("make a choice in the banner");
  });

  it("serves its versioned assets for a year, and leaves the ledger API's JSON errors alone", async () => {
    const page = await (await fetch(`${url}/admin/sign-in`)).text();
    const css = /href="(\/admin\/assets\/admin\.css\?v=[0-9a-f]+)"/.exec(page)?.[1] ?? "";
    const asset = await fetch(`${url}${css}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toContain("text/css");
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const api = await fetch(`${url}/v1/admin/records`);
    expect(api.status).toBe(401);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
  });

  it("limits sign-in attempts per client, answering 429 with a page that says to wait", async () => {
    let last: Response | undefined;
    for (let attempt = 0; attempt < 25; attempt++) {
      last = await fetch(`${url}/admin/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: url },
        body: "csrf=x&token=wrong",
      });
      if (last.status === 429) break;
      expect(last.status).toBe(403);
    }
    expect(last?.status).toBe(429);
    expect(await last?.text()).toContain("Too many sign-in attempts");
  });
});
