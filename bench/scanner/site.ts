/**
 * The benchmark's local site: 50 pages on 127.0.0.1, each with a banner driven through a Macaron-like
 * API, a first-party session cookie, a tag that loads after consent from a third party (`localhost`,
 * another site than 127.0.0.1) and sets a cookie and sends a beacon. The home page links to every page.
 */
import { type LocalServer, listenLocally } from "@macaron/testing";

export const PAGE_COUNT = 50;

const SDK = `window.Macaron = {
  acceptAll() { this.save(true); },
  rejectAll() { this.save(false); },
  save(granted) {
    document.cookie = "macaron_consent=" + (granted ? "all" : "none") + "; max-age=15552000; path=/";
    if (granted) this.load();
  },
  load() {
    const tag = document.createElement("script");
    tag.src = document.documentElement.dataset.tag;
    document.head.appendChild(tag);
  },
};
if (/macaron_consent=all/.test(document.cookie)) addEventListener("DOMContentLoaded", () => Macaron.load());`;

const TAG = `document.cookie = "_bench_id=" + Math.random().toString(36).slice(2) + "; max-age=31536000; path=/";
navigator.sendBeacon(new URL("/collect", document.currentScript.src).href, "");`;

function page(index: number, origin: string, tagOrigin: string): string {
  const links =
    index === 0
      ? Array.from(
          { length: PAGE_COUNT - 1 },
          (_, other) => `<li><a href="/p/${other + 1}">Page ${other + 1}</a></li>`,
        ).join("")
      : `<li><a href="/p/0">Home</a></li><li><a href="/p/${(index % (PAGE_COUNT - 1)) + 1}?from=${index}">Next</a></li>`;
  return `<!doctype html><html lang="en" data-tag="${tagOrigin}/tag.js"><head><meta charset="utf-8"><title>Page ${index}</title>
<script>${SDK}</script><link rel="icon" href="data:,"></head>
<body><h1>Page ${index}</h1><p>${"Text of the page. ".repeat(200)}</p><ul>${links}</ul>
<img alt="" src="${origin}/logo.svg" width="40" height="40"><a href="#" data-macaron-open>Cookies</a></body></html>`;
}

export async function startBenchSite(): Promise<{ url: string; close(): Promise<void> }> {
  let origin = "";
  let tagOrigin = "";
  const server: LocalServer = await listenLocally((request, response) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    const match = /^\/p\/(\d+)$/.exec(path);
    if (match && Number(match[1]) < PAGE_COUNT) {
      response.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "set-cookie": "session=abc; Path=/; HttpOnly; SameSite=Lax",
      });
      response.end(page(Number(match[1]), origin, tagOrigin));
    } else if (path === "/tag.js") {
      response.writeHead(200, { "content-type": "text/javascript" });
      response.end(TAG);
    } else if (path === "/logo.svg") {
      response.writeHead(200, { "content-type": "image/svg+xml" });
      response.end(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="18"/></svg>',
      );
    } else {
      response.writeHead(path === "/collect" ? 204 : 404);
      response.end();
    }
  });
  origin = server.url;
  tagOrigin = `http://localhost:${server.port}`;
  return { url: `${origin}/p/0`, close: () => server.close() };
}
