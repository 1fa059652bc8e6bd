/**
 * The first layer: a short text, the policy link, and Accept all / Reject all / Customize as the
 * same kind of button with the same look, in the configured order. Fixed at the bottom of the
 * viewport: no layout shift, and the page behind stays usable (no cookie wall).
 */
import { config, notice } from "../context.ts";
import { acceptAll, rejectAll } from "../decide.ts";
import { h, newId } from "./dom.ts";
import { showPreferences } from "./preferences.ts";
import { uiRoot } from "./root.ts";

let banner: HTMLElement | undefined;

export function showBanner(): void {
  if (!banner) {
    const texts = notice.texts;
    const titleId = newId();
    const actions = {
      accept: [texts.acceptAll, () => acceptAll("banner")],
      reject: [texts.rejectAll, () => rejectAll("banner")],
      customize: [texts.customize, showPreferences],
    } as const;
    banner = h(
      "div",
      { class: "b", role: "region", "aria-labelledby": titleId, lang: notice.language },
      h("h2", { id: titleId }, texts.bannerTitle),
      h("p", null, `${texts.bannerText} `, h("a", { href: notice.site.cookiePolicyUrl }, texts.policyLink)),
      h(
        "div",
        { class: "r" },
        ...config.buttons.map((button) =>
          h("button", { type: "button", class: "k", onclick: actions[button][1] }, actions[button][0]),
        ),
      ),
    );
    uiRoot().append(banner);
  }
  banner.hidden = false;
}

export function hideBanner(): void {
  if (banner) banner.hidden = true;
}
