import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raw, shopPlugin } from "../src/index.ts";

let app: FastifyInstance;
let base: string;
let port: number;

const SIX_MONTHS = 15_778_800;

beforeAll(async () => {
  app = Fastify();
  await app.register(shopPlugin, {
    macaronHead: (language) => raw(`<meta name="macaron-test" content="${language}">`),
    viewRetentionSeconds: SIX_MONTHS,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  port = (app.server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(() => app.close());

/** A visitor with a cookie jar, following no redirects so each answer can be checked. */
function visitor() {
  const jar = new Map<string, string>();
  const send = async (path: string, init: { method?: string; form?: Record<string, string> } = {}) => {
    const response = await fetch(base + path, {
      method: init.method ?? "GET",
      redirect: "manual",
      headers: {
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; "),
        ...(init.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const [name = "", value = ""] = pair.split("=");
      jar.set(name, value);
    }
    return { response, text: await response.text() };
  };
  const csrf = (page: string) => /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? "";
  return { jar, send, csrf };
}

function getOnHost(host: string, path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: "127.0.0.1", port, path, headers: { host: `${host}:${port}` } },
      (res) => {
        let body = "";
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }),
        );
      },
    );
    request.on("error", reject);
    request.end();
  });
}

describe("the demo storefront", () => {
  it("lists the twelve products with Macaron's tags and the gated third parties in the head", async () => {
    const { text } = await visitor().send("/");
    expect(text.match(/class="product[ "]/g)).toHaveLength(12);
    expect(text).toContain('<meta name="macaron-test" content="fr">');
    expect(text).toContain(
      `<script type="text/plain" data-category="analytics" src="http://analytics.localhost:${port}/gtag/js?id=G-LPP2024">`,
    );
    expect(text).toContain('data-category="social"');
    expect(text).toContain("data-macaron-open");
    expect(text).toContain('href="/cookie-policy?lang=fr"');
  });

  it("keeps the presentation choice in a strictly necessary cookie that lives as declared", async () => {
    const shopper = visitor();
    const { response, text } = await shopper.send("/?view=list&lang=en");
    const setCookie = response.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(new RegExp(`lpp_view=list; Max-Age=${SIX_MONTHS}; Path=/; SameSite=Lax`));
    expect(text).toContain('data-view="list"');
    expect((await shopper.send("/")).text).toContain('data-view="list"');
  });

  it("shows the empty state when a collection has nothing left to buy", async () => {
    const { text } = await visitor().send("/?collection=accessories&lang=en");
    expect(text).toContain("No more products available for purchase");
    expect((await visitor().send("/?collection=accessories")).text).toContain(
      "Plus aucun produit disponible à l’achat",
    );
  });

  it("searches in both languages and escapes the query", async () => {
    const { text } = await visitor().send(`/search?q=${encodeURIComponent("renard")}`);
    expect(text).toContain("Sweat Renard");
    const hostile = await visitor().send(`/search?q=${encodeURIComponent("<script>alert(1)</script>")}`);
    expect(hostile.text).not.toContain("<script>alert(1)</script>");
    expect(hostile.text).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("signs in the demo account with an HttpOnly, SameSite=Lax session cookie, and refuses a wrong password", async () => {
    const shopper = visitor();
    const login = await shopper.send("/login");
    const wrong = await shopper.send("/login", {
      method: "POST",
      form: { csrf: shopper.csrf(login.text), email: "demo@lespetitsprodiges.test", password: "nope" },
    });
    expect(wrong.response.status).toBe(401);
    const sessionCookie = wrong.response.headers.getSetCookie().find((c) => c.startsWith("lpp_session="));
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(sessionCookie).toMatch(/SameSite=Lax/);
    expect(sessionCookie).not.toMatch(/Secure|Max-Age|Expires/);
    const right = await shopper.send("/login", {
      method: "POST",
      form: { csrf: shopper.csrf(wrong.text), email: "demo@lespetitsprodiges.test", password: "macaron" },
    });
    expect(right.response.status).toBe(303);
    expect((await shopper.send("/")).text).toContain("Bonjour Camille");
  });

  it("keeps the cart in the session and checks out a signed-in visitor", async () => {
    const shopper = visitor();
    const login = await shopper.send("/login");
    await shopper.send("/login", {
      method: "POST",
      form: { csrf: shopper.csrf(login.text), email: "demo@lespetitsprodiges.test", password: "macaron" },
    });
    const product = await shopper.send("/products/pull-marin");
    await shopper.send("/cart/add", {
      method: "POST",
      form: { csrf: shopper.csrf(product.text), slug: "pull-marin", size: "5 ans" },
    });
    const cart = await shopper.send("/cart");
    expect(cart.text).toContain("Pull Marin");
    expect(cart.text).toMatch(/data-cart-total>65,00\s€/);
    const checkout = await shopper.send("/checkout", {
      method: "POST",
      form: { csrf: shopper.csrf(cart.text) },
    });
    expect(checkout.response.status).toBe(303);
    const confirmation = await shopper.send(checkout.response.headers.get("location") ?? "");
    expect(confirmation.text).toContain("Votre commande est confirmée");
    expect(confirmation.text).toMatch(
      /<img data-src="http:\/\/ads\.localhost:\d+\/pagead\/conversion\?[^"]+" data-category="advertising"/,
    );
    expect((await shopper.send("/cart")).text).toContain("Votre panier est vide");
  });

  it("refuses a form posted without the session's token", async () => {
    const shopper = visitor();
    const forged = await shopper.send("/cart/add", {
      method: "POST",
      form: { slug: "pull-marin", size: "5 ans" },
    });
    expect(forged.response.status).toBe(403);
    expect(shopper.jar.has("lpp_session")).toBe(false);
  });

  it("serves each third-party stand-in on its own host name only", async () => {
    const analytics = await getOnHost("analytics.localhost", "/gtag/js?id=G-LPP2024");
    expect(analytics.status).toBe(200);
    expect(analytics.type).toContain("javascript");
    expect(analytics.body).toContain("_ga_");
    expect((await getOnHost("connect.facebook.localhost", "/en_US/fbevents.js")).body).toContain("_fbp");
    expect((await getOnHost("instagram.localhost", "/embed/lespetitsprodiges")).body).toContain(
      "@lespetitsprodiges",
    );
    expect((await getOnHost("127.0.0.1", "/gtag/js")).status).toBe(404);
  });
});
