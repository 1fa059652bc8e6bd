/** The sign-in form: an admin token (`npx macaron token create` prints one). */
import { html } from "../html.ts";
import { type PageContext, page } from "../layout.ts";

export function signInPage(
  context: PageContext,
  options: {
    readonly csrf: string;
    readonly next: string;
    readonly error?: string;
    readonly signedOut?: boolean;
  },
): string {
  const body = html`<form method="post" action="${context.base}/sign-in" class="sign-in">
${options.error ? html`<p class="notice error" role="alert" id="sign-in-error">${options.error}</p>` : ""}
${options.signedOut ? html`<p class="notice ok" role="status">You are signed out.</p>` : ""}
<input type="hidden" name="csrf" value="${options.csrf}">
<input type="hidden" name="next" value="${options.next}">
<p><label for="token">Admin token</label>
<input type="password" id="token" name="token" required autocomplete="current-password" spellcheck="false"${options.error ? html` aria-invalid="true" aria-describedby="sign-in-error"` : ""}></p>
<p><button type="submit">Sign in</button></p>
<p>No token yet? Run <code>npx macaron token create</code> on the server.</p>
</form>`;
  return page(context, { title: "Sign in", body });
}
