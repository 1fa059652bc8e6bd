/** Catalogue, collections, search and product pages, and the presentation choice (grid or list). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  CATALOGUE,
  COLLECTIONS,
  type Collection,
  formatPrice,
  isAvailable,
  type Product,
  productBySlug,
  searchCatalogue,
} from "../catalogue.ts";
import { html, type SafeHtml } from "../html.ts";
import { href, type PageContext, page } from "../layout.ts";
import { productSvg } from "../product-images.ts";
import { pageContext, type ShopOptions } from "../request-context.ts";
import type { SessionStore } from "../sessions.ts";
import { SHOP_TEXTS } from "../shop-texts.ts";
import { thirdPartyOrigin } from "../third-party-hosts.ts";

export const VIEW_COOKIE = "lpp_view";
type View = "grid" | "list";

function viewOf(request: FastifyRequest, reply: FastifyReply, options: ShopOptions): View {
  const asked = (request.query as { view?: unknown }).view;
  if (asked === "grid" || asked === "list") {
    reply.setCookie(VIEW_COOKIE, asked, {
      path: "/",
      maxAge: options.viewRetentionSeconds,
      sameSite: "lax",
      secure: request.protocol === "https",
    });
    return asked;
  }
  return request.cookies[VIEW_COOKIE] === "list" ? "list" : "grid";
}

function productCard(context: PageContext, product: Product): SafeHtml {
  const t = SHOP_TEXTS[context.language];
  const available = isAvailable(product);
  return html`<li class="product${available ? "" : " sold-out"}">
  <a href="${href(`/products/${product.slug}`, context.language)}">
    <img src="/images/${product.slug}.svg" alt="" width="200" height="200">
    <span class="name">${product.name[context.language]}</span>
  </a>
  <span class="price">${available ? formatPrice(product.priceCents, context.language) : t.soldOut}</span>
</li>`;
}

function productList(context: PageContext, products: readonly Product[], view: View): SafeHtml {
  const t = SHOP_TEXTS[context.language];
  const list = html`<ul class="products ${view}" data-view="${view}">${products.map((p) => productCard(context, p))}</ul>`;
  if (!products.some(isAvailable))
    return html`${list}<p class="empty-state" role="status">${t.noMoreProducts}</p>`;
  return list;
}

function viewSwitch(context: PageContext, view: View, params: Record<string, string>): SafeHtml {
  const t = SHOP_TEXTS[context.language];
  const option = (value: View, label: string) =>
    html`<a href="${href(context.path, context.language, { ...params, view: value })}" ${value === view ? html`aria-current="true"` : ""}>${label}</a>`;
  return html`<nav class="view-switch" aria-label="${t.presentation}">${option("grid", t.grid)} ${option("list", t.list)}</nav>`;
}

export function cataloguePages(app: FastifyInstance, sessions: SessionStore, options: ShopOptions): void {
  app.get("/", (request, reply) => {
    const context = pageContext(request, sessions, options);
    const t = SHOP_TEXTS[context.language];
    const view = viewOf(request, reply, options);
    const asked = (request.query as { collection?: string }).collection;
    const collection = COLLECTIONS.find((c) => c === asked) as Collection | undefined;
    const products = collection ? CATALOGUE.filter((p) => p.collection === collection) : CATALOGUE;
    const title = collection ? t.collections[collection] : t.catalogue;
    const params: Record<string, string> = collection ? { collection } : {};
    const instagram = collection
      ? html``
      : html`<section class="instagram" aria-labelledby="instagram-title">
  <h2 id="instagram-title">${t.instagramTitle}</h2>
  <iframe data-src="${thirdPartyOrigin("instagram", context.host)}/embed/lespetitsprodiges" data-category="social" title="Instagram @lespetitsprodiges" width="420" height="190" loading="lazy"></iframe>
</section>`;
    reply
      .type("text/html; charset=utf-8")
      .send(
        page(
          context,
          title,
          html`<h1>${title}</h1>${viewSwitch(context, view, params)}${productList(context, products, view)}${instagram}`,
        ),
      );
  });

  app.get("/search", (request, reply) => {
    const context = pageContext(request, sessions, options);
    const t = SHOP_TEXTS[context.language];
    const query = String((request.query as { q?: unknown }).q ?? "").slice(0, 100);
    const view = viewOf(request, reply, options);
    const found = searchCatalogue(query);
    const body =
      found.length === 0
        ? html`<p class="empty-state" role="status">${t.noResults}</p>`
        : html`${viewSwitch(context, view, { q: query })}${productList(context, found, view)}`;
    reply
      .type("text/html; charset=utf-8")
      .send(page(context, t.searchResults(query), html`<h1>${t.searchResults(query)}</h1>${body}`));
  });

  app.get("/products/:slug", (request, reply) => {
    const context = pageContext(request, sessions, options);
    const t = SHOP_TEXTS[context.language];
    const product = productBySlug((request.params as { slug: string }).slug);
    if (!product) {
      reply.code(404).type("text/html; charset=utf-8");
      return reply.send(page(context, t.notFound, html`<h1>${t.notFound}</h1>`));
    }
    const name = product.name[context.language];
    const buy = isAvailable(product)
      ? html`<form method="post" action="${href("/cart/add", context.language)}">
  <input type="hidden" name="slug" value="${product.slug}">
  <input type="hidden" name="csrf" value="${sessions.csrfToken(context.session)}">
  <label for="size">${t.size}</label>
  <select id="size" name="size">${product.sizes.map((size) => html`<option>${size}</option>`)}</select>
  <button type="submit">${t.addToCart}</button>
</form>`
      : html`<p class="empty-state" role="status">${t.noMoreProducts}</p>`;
    return reply.type("text/html; charset=utf-8").send(
      page(
        context,
        name,
        html`<article class="product-page">
  <img class="picture" src="/images/${product.slug}.svg" alt="${name}" width="320" height="320">
  <div><h1>${name}</h1><p class="price">${formatPrice(product.priceCents, context.language)}</p>
  <p>${product.description[context.language]}</p>${buy}
  <p><a href="${href("/", context.language)}">${t.backToCatalogue}</a></p></div>
</article>`,
      ),
    );
  });

  app.get("/images/:file", (request, reply) => {
    const slug = (request.params as { file: string }).file.replace(/\.svg$/, "");
    const product = productBySlug(slug);
    if (!product) return reply.code(404).send({ error: { code: "NOT_FOUND", message: "no such image" } });
    return reply
      .type("image/svg+xml")
      .header("cache-control", "public, max-age=86400")
      .send(productSvg(product));
  });
}
