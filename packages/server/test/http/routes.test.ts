/** The other routes through a real socket: policy with ETag, CORS, admin tokens, SDK, cookie policy, health. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  postRecord,
  SITE_ORIGIN,
  startLedger,
  type TestLedger,
  validRecord,
} from "./fixtures/ledger-server.ts";

const sdkDir = mkdtempSync(join(tmpdir(), "macaron-sdk-"));
const sdkPath = join(sdkDir, "macaron.js");
writeFileSync(sdkPath, "window.Macaron = {};\n");

let ledger: TestLedger;
let token: string;
beforeAll(async () => {
  ledger = await startLedger({ sdkPath });
  token = (await ledger.store.createToken("tests")).token;
});
afterAll(() => ledger.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${ledger.url}${path}`, { headers });
const admin = (path: string) => get(path, { authorization: `Bearer ${token}` });

describe("GET /v1/policy", () => {
  it("serves the SDK configuration with its content hash as ETag, and 304 when unchanged", async () => {
    const response = await get("/v1/policy");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const etag = response.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const body = (await response.json()) as { revision: number; notices: Record<string, { hash: string }> };
    expect(body).toEqual(JSON.parse(JSON.stringify(ledger.client)));
    const stored = await ledger.store.revisionByHash(etag.slice(1, -1));
    expect(stored?.noticeHashes.fr).toBe(body.notices.fr?.hash);
    const again = await get("/v1/policy", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await get("/v1/policy", { "if-none-match": '"other"' })).status).toBe(200);
  });
});

describe("CORS", () => {
  it("lets the site's origin send proofs and read the policy, not another origin", async () => {
    const preflight = (origin: string) =>
      fetch(`${ledger.url}/v1/consents`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type",
        },
      });
    const allowed = await preflight(SITE_ORIGIN);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(SITE_ORIGIN);
    expect(allowed.headers.get("access-control-allow-methods")).toContain("POST");
    const refused = await preflight("https://evil.example");
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    const policy = await get("/v1/policy", { origin: SITE_ORIGIN });
    expect(policy.headers.get("access-control-allow-origin")).toBe(SITE_ORIGIN);
    const elsewhere = await get("/v1/policy", { origin: "https://evil.example" });
    expect(elsewhere.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("GET /v1/consents/:subjectId", () => {
  it("returns that subject's decisions only, oldest first", async () => {
    const first = validRecord(ledger.client);
    const second = validRecord(ledger.client, {
      subjectId: first.subjectId,
      method: "withdraw",
      uiLayer: "preferences",
      categories: { analytics: false, advertising: false, social: false },
    });
    const stranger = validRecord(ledger.client);
    for (const record of [first, stranger, second])
      expect((await postRecord(ledger.url, record)).status).toBe(201);
    const response = await get(`/v1/consents/${first.subjectId}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { decisions: { recordId: string; hash: string }[] };
    expect(body.decisions.map((decision) => decision.recordId)).toEqual([first.id, second.id]);
    expect(JSON.stringify(body)).not.toContain("ipHash");
  });

  it("answers an empty history for an unknown subject and 400 for a malformed id", async () => {
    const unknown = await get("/v1/consents/00000000-0000-4000-8000-000000000000");
    expect(await unknown.json()).toMatchObject({ decisions: [] });
    const malformed = await get("/v1/consents/1%20OR%201=1");
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: "INVALID_QUERY", path: "subjectId" } });
  });
});

describe("admin API", () => {
  it("answers 401 without a token or with a wrong one", async () => {
    for (const path of ["/v1/admin/records", "/v1/admin/stats", "/v1/admin/export?format=csv"]) {
      const missing = await get(path);
      expect(missing.status).toBe(401);
      expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await missing.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
      const wrong = await get(path, { authorization: "Bearer not-a-token" });
      expect(wrong.status).toBe(401);
      const basic = await get(path, { authorization: `Basic ${token}` });
      expect(basic.status).toBe(401);
    }
  });

  it("lists records with filters, and refuses a bad filter naming it", async () => {
    const refusal = validRecord(ledger.client, {
      method: "reject-all",
      categories: { analytics: false, advertising: false, social: false },
    });
    expect((await postRecord(ledger.url, refusal)).status).toBe(201);
    const response = await admin("/v1/admin/records?method=reject-all");
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      records: { record: { method: string } }[];
      nextCursor: unknown;
    };
    expect(body.records.length).toBeGreaterThan(0);
    expect(body.records.every((proof) => proof.record.method === "reject-all")).toBe(true);
    const bad = await admin("/v1/admin/records?method=maybe");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "INVALID_QUERY", path: "method" } });
    expect((await admin("/v1/admin/records?from=yesterday")).status).toBe(400);
  });

  it("answers statistics", async () => {
    const response = await admin("/v1/admin/stats");
    expect(response.status).toBe(200);
    const stats = (await response.json()) as { decisions: number };
    expect(stats.decisions).toBeGreaterThan(0);
  });

  it("streams the export as NDJSON, CSV, ISO/IEC TS 27560 records and Kantara receipts", async () => {
    const ndjson = await admin("/v1/admin/export?format=ndjson");
    expect(ndjson.status).toBe(200);
    expect(ndjson.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    expect(ndjson.headers.get("content-disposition")).toMatch(
      /attachment; filename="macaron-proofs-.*\.ndjson"/,
    );
    const lines = (await ndjson.text()).trim().split("\n");
    const count = (await ledger.store.stats({})).decisions;
    expect(lines).toHaveLength(count);
    expect(JSON.parse(lines[0] ?? "{}")).toHaveProperty("hash");
    const csv = await admin("/v1/admin/export?format=csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const rows = (await csv.text()).trim().split("\n");
    expect(rows.length).toBe(count + 1);
    expect(rows[0]).toContain("analytics");
    for (const format of ["iso27560", "kantara"]) {
      const shaped = await admin(`/v1/admin/export?format=${format}`);
      expect(shaped.status).toBe(200);
      const records = (await shaped.text()).trim().split("\n");
      expect(records).toHaveLength(count);
      expect(() => JSON.parse(records[0] ?? "")).not.toThrow();
    }
    expect((await admin("/v1/admin/export?format=xml")).status).toBe(400);
  });
});

describe("GET /macaron.js", () => {
  it("serves the SDK build with cache headers and revalidation", async () => {
    const response = await get("/macaron.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(response.headers.get("cache-control")).toContain("max-age=");
    expect(await response.text()).toBe("window.Macaron = {};\n");
    const again = await get("/macaron.js", { "if-none-match": response.headers.get("etag") ?? "" });
    expect(again.status).toBe(304);
  });

  it("says how to build the SDK when the build is missing", async () => {
    const bare = await startLedger({ sdkPath: join(sdkDir, "missing.js") });
    try {
      const response = await fetch(`${bare.url}/macaron.js`);
      expect(response.status).toBe(404);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("SDK_NOT_BUILT");
      expect(body.error.message).toContain("npm run build -w @macaron/web");
    } finally {
      await bare.close();
    }
  });
});

describe("GET /cookie-policy", () => {
  it("renders the policy in the language asked for, else the browser's, else the default", async () => {
    const english = await get("/cookie-policy?lang=en");
    expect(english.status).toBe(200);
    expect(english.headers.get("content-type")).toMatch(/^text\/html/);
    expect(english.headers.get("content-language")).toBe("en");
    expect(english.headers.get("vary")).toMatch(/Accept-Language/i);
    expect(await english.text()).toContain('<html lang="en">');
    const browser = await get("/cookie-policy", { "accept-language": "en-GB,en;q=0.9" });
    expect(browser.headers.get("content-language")).toBe("en");
    const fallback = await get("/cookie-policy?lang=de", { "accept-language": "de" });
    expect(fallback.headers.get("content-language")).toBe("fr");
    expect(await fallback.text()).toContain("Politique de gestion des cookies");
  });

  it("sets a strict CSP whose nonce is the page's", async () => {
    const response = await get("/cookie-policy?lang=fr");
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).toContain("object-src 'none'");
    expect(await response.text()).toContain(`nonce="${nonce}"`);
  });
});

describe("admin dashboard", () => {
  it("is mounted under /admin and asks for a sign-in", async () => {
    const home = await fetch(`${ledger.url}/admin`, { redirect: "manual" });
    expect(home.status).toBe(303);
    expect(home.headers.get("location")).toMatch(/^\/admin\/sign-in/);
    const signIn = await get("/admin/sign-in");
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get("content-type")).toMatch(/^text\/html/);
  });
});

describe("the rest", () => {
  it("answers /healthz", async () => {
    const response = await get("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", revision: ledger.client.revision });
  });

  it("answers unknown routes with a JSON 404", async () => {
    const response = await get("/v1/nothing");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  it("sends security headers, and leaves the CSP and framing of the site's own pages to the site", async () => {
    const shop = await startLedger({
      beforeListen: (app) =>
        app.get("/", async (_request, reply) => reply.type("text/html").send("<p>shop</p>")),
    });
    try {
      const page = await fetch(`${shop.url}/`);
      expect(page.headers.get("x-content-type-options")).toBe("nosniff");
      expect(page.headers.get("referrer-policy")).toBe("no-referrer");
      expect(page.headers.get("content-security-policy")).toBeNull();
      expect(page.headers.get("x-frame-options")).toBeNull();
      const api = await fetch(`${shop.url}/v1/policy`);
      expect(api.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
      const policyPage = await fetch(`${shop.url}/cookie-policy`);
      expect(policyPage.headers.get("content-security-policy")).toContain("frame-ancestors 'self'");
    } finally {
      await shop.close();
    }
  });
});
