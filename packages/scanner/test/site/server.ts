/**
 * The labelled test site: one loopback HTTPS server (certificate made at test time) serving the
 * first party `www.shop.test`, a cross-site widget on `widget.other-site.test`, and the vendor
 * stand-ins under their real host names. Chromium reaches them through `--host-resolver-rules`.
 */
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { FIRST_PARTY_SCRIPTS, PAGES, WIDGET_FRAME } from "./pages.ts";
import { STANDIN_SDK } from "./standin-sdk.ts";
import { makeTestCertificate } from "./tls.ts";
import { VENDORS } from "./vendors.ts";

export const SHOP = "https://www.shop.test";

export interface TestSite {
  readonly port: number;
  /** Chromium flags that send every host name to this server and accept its certificate. */
  readonly browserArgs: readonly string[];
  /** Extra pages registered by a test (crawl cases), by URL without query (`https://www.shop.test/crawl/`). */
  readonly extraPages: Map<
    string,
    { status?: number; headers?: Record<string, string>; body?: string; hang?: boolean }
  >;
  close(): Promise<void>;
}

export async function startTestSite(): Promise<TestSite> {
  const extraPages: TestSite["extraPages"] = new Map();
  const server: Server = createServer(makeTestCertificate(), (request, response) => {
    const host = (request.headers.host ?? "").replace(/:\d+$/, "");
    const url = new URL(request.url ?? "/", `https://${host}`);
    const html = (body: string, headers: Record<string, string | string[]> = {}) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", ...headers });
      response.end(body);
    };
    const extra = extraPages.get(`https://${host}${url.pathname}`);
    if (extra) {
      if (extra.hang) return;
      response.writeHead(extra.status ?? 200, {
        "content-type": "text/html; charset=utf-8",
        ...extra.headers,
      });
      response.end(extra.body ?? "");
      return;
    }
    if (host === "www.shop.test") {
      if (url.pathname === "/macaron-standin.js") {
        response.writeHead(200, { "content-type": "text/javascript" });
        response.end(STANDIN_SDK);
        return;
      }
      if (url.pathname === "/go/capture") {
        response.writeHead(302, {
          location: "/capture",
          "set-cookie": "campaign_ref=spring; Max-Age=2592000; Path=/; Secure; SameSite=Lax",
        });
        response.end();
        return;
      }
      const script = FIRST_PARTY_SCRIPTS[url.pathname];
      if (script !== undefined) {
        response.writeHead(200, { "content-type": "text/javascript" });
        response.end(script);
        return;
      }
      const found = PAGES[url.pathname];
      if (found) return html(found.html, found.setCookie ? { "set-cookie": found.setCookie } : {});
    }
    if (host === "widget.other-site.test" && url.pathname === "/frame") {
      return html(WIDGET_FRAME, {
        "set-cookie": "widget_chips=1; Max-Age=86400; Path=/; Secure; SameSite=None; Partitioned",
      });
    }
    const vendor = VENDORS[host];
    const route = vendor && Object.keys(vendor).find((prefix) => url.pathname.startsWith(prefix));
    if (vendor && route) return vendor[route]?.(request, response, url);
    response.writeHead(404, { "content-type": "text/plain" });
    response.end("not found");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    browserArgs: [`--host-resolver-rules=MAP * 127.0.0.1:${port}`, "--ignore-certificate-errors"],
    extraPages,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
