/** Sign-in, cart, check-out and the order confirmation (where the gated ads conversion ping sits). */
import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { formatPrice, isAvailable, productBySlug } from "../catalogue.ts";
import { html } from "../html.ts";
import { href, page } from "../layout.ts";
import { languageOf, pageContext, type ShopOptions } from "../request-context.ts";
import { DEMO_ACCOUNT, type Session, type SessionStore } from "../sessions.ts";
import { SHOP_TEXTS } from "../shop-texts.ts";
import { thirdPartyOrigin } from "../third-party-hosts.ts";

type Form = Record<string, string | undefined>;

interface Order {
  readonly id: string;
  readonly totalCents: number;
}

const orders = new Map<string, Order>();

function cartTotal(lines: readonly { slug: string; quantity: number }[]): number {
  return lines.reduce((sum, line) => sum + (productBySlug(line.slug)?.priceCents ?? 0) * line.quantity, 0);
}

export function accountPages(app: FastifyInstance, sessions: SessionStore, options: ShopOptions): void {
  const rejectForgedForm = (request: FastifyRequest, reply: FastifyReply): boolean => {
    if (sessions.checkCsrf(sessions.find(request), (request.body as Form | undefined)?.csrf)) return false;
    const t = SHOP_TEXTS[languageOf(request)];
    reply.code(403).type("text/html; charset=utf-8");
    reply.send(page(pageContext(request, sessions, options), t.invalidForm, html`<h1>${t.invalidForm}</h1>`));
    return true;
  };

  // After a failed sign-in the session was just opened: its cookie is not in the request yet.
  const loginPage = (request: FastifyRequest, reply: FastifyReply, failed: boolean, session?: Session) => {
    const context = { ...pageContext(request, sessions, options), ...(session ? { session } : {}) };
    const t = SHOP_TEXTS[context.language];
    return reply.type("text/html; charset=utf-8").send(
      page(
        context,
        t.signIn,
        html`<h1>${t.signIn}</h1>
${failed ? html`<p class="error" role="alert">${t.wrongCredentials}</p>` : ""}
<form class="login" method="post" action="${href("/login", context.language)}">
  <input type="hidden" name="csrf" value="${sessions.csrfToken(context.session)}">
  <label for="email">${t.email}</label><input id="email" name="email" type="email" autocomplete="username" required>
  <label for="password">${t.password}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit">${t.signIn}</button>
</form>
<p class="hint">${t.demoAccount}: <code>${DEMO_ACCOUNT.email}</code> / <code>${DEMO_ACCOUNT.password}</code></p>`,
      ),
    );
  };

  app.get("/login", (request, reply) => loginPage(request, reply, false));

  app.post("/login", (request, reply) => {
    if (rejectForgedForm(request, reply)) return reply;
    const form = request.body as Form;
    const session = sessions.open(request, reply);
    if (!sessions.signIn(session, form.email ?? "", form.password ?? "")) {
      reply.code(401);
      return loginPage(request, reply, true, session);
    }
    return reply.redirect(href("/", languageOf(request)), 303);
  });

  app.post("/logout", (request, reply) => {
    if (rejectForgedForm(request, reply)) return reply;
    const session = sessions.find(request);
    if (session) sessions.signOut(session);
    return reply.redirect(href("/", languageOf(request)), 303);
  });

  app.post("/cart/add", (request, reply) => {
    if (rejectForgedForm(request, reply)) return reply;
    const form = request.body as Form;
    const product = productBySlug(form.slug ?? "");
    const size = form.size ?? "";
    if (!product || !isAvailable(product) || !product.sizes.includes(size)) {
      return reply.code(400).send({ error: { code: "BAD_CART_LINE", message: "unknown product or size" } });
    }
    const session = sessions.open(request, reply);
    const line = session.cart.find((l) => l.slug === product.slug && l.size === size);
    if (line) line.quantity += 1;
    else session.cart.push({ slug: product.slug, size, quantity: 1 });
    return reply.redirect(href("/cart", languageOf(request)), 303);
  });

  app.post("/cart/remove", (request, reply) => {
    if (rejectForgedForm(request, reply)) return reply;
    const form = request.body as Form;
    const session = sessions.find(request);
    if (session) {
      const index = session.cart.findIndex((l) => l.slug === form.slug && l.size === form.size);
      if (index >= 0) session.cart.splice(index, 1);
    }
    return reply.redirect(href("/cart", languageOf(request)), 303);
  });

  app.get("/cart", (request, reply) => {
    const context = pageContext(request, sessions, options);
    const t = SHOP_TEXTS[context.language];
    const lines = context.session?.cart ?? [];
    const csrf = sessions.csrfToken(context.session);
    const body =
      lines.length === 0
        ? html`<p class="empty-state" role="status">${t.cartEmpty}</p>`
        : html`<table class="cart"><caption class="visually-hidden">${t.cart}</caption>
<thead><tr><th scope="col">${t.catalogue}</th><th scope="col">${t.size}</th><th scope="col">${t.quantity}</th><th scope="col">${t.total}</th><th scope="col"><span class="visually-hidden">${t.remove}</span></th></tr></thead>
<tbody>${lines.map((line) => {
            const product = productBySlug(line.slug);
            return html`<tr><td>${product?.name[context.language] ?? line.slug}</td><td>${line.size}</td><td>${line.quantity}</td>
<td>${formatPrice((product?.priceCents ?? 0) * line.quantity, context.language)}</td>
<td><form method="post" action="${href("/cart/remove", context.language)}"><input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="slug" value="${line.slug}"><input type="hidden" name="size" value="${line.size}"><button type="submit">${t.remove}</button></form></td></tr>`;
          })}</tbody></table>
<p class="total">${t.total}: <strong data-cart-total>${formatPrice(cartTotal(lines), context.language)}</strong></p>
${
  context.session?.account
    ? html`<form method="post" action="${href("/checkout", context.language)}"><input type="hidden" name="csrf" value="${csrf}"><button type="submit" class="primary">${t.checkout}</button></form>`
    : html`<p><a href="${href("/login", context.language)}">${t.signInToCheckout}</a></p>`
}`;
    return reply
      .type("text/html; charset=utf-8")
      .send(page(context, t.cart, html`<h1>${t.cart}</h1>${body}`));
  });

  app.post("/checkout", (request, reply) => {
    if (rejectForgedForm(request, reply)) return reply;
    const session = sessions.find(request);
    const language = languageOf(request);
    if (!session?.account) return reply.redirect(href("/login", language), 303);
    if (session.cart.length === 0) return reply.redirect(href("/cart", language), 303);
    const order: Order = { id: randomUUID(), totalCents: cartTotal(session.cart) };
    orders.set(order.id, order);
    session.cart.length = 0;
    return reply.redirect(href(`/orders/${order.id}`, language), 303);
  });

  app.get("/orders/:id", (request, reply) => {
    const context = pageContext(request, sessions, options);
    const t = SHOP_TEXTS[context.language];
    const order = orders.get((request.params as { id: string }).id);
    if (!order || !context.session?.account) {
      reply.code(404).type("text/html; charset=utf-8");
      return reply.send(page(context, t.notFound, html`<h1>${t.notFound}</h1>`));
    }
    const conversion = `${thirdPartyOrigin("ads", context.host)}/pagead/conversion?label=purchase&value=${order.totalCents / 100}&currency=EUR`;
    return reply.type("text/html; charset=utf-8").send(
      page(
        context,
        t.orderConfirmed,
        html`<h1>${t.orderConfirmed}</h1><p>${t.orderNumber}: <code>${order.id}</code></p>
<p>${t.total}: ${formatPrice(order.totalCents, context.language)}</p>
<img data-src="${conversion}" data-category="advertising" alt="" width="1" height="1" class="conversion-pixel">`,
      ),
    );
  });

  app.get("/privacy-policy", (request, reply) => {
    const context = pageContext(request, sessions, options);
    const t = SHOP_TEXTS[context.language];
    return reply
      .type("text/html; charset=utf-8")
      .send(page(context, t.privacyPolicy, html`<h1>${t.privacyPolicy}</h1><p>${t.privacyText}</p>`));
  });
}
