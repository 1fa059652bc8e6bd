/**
 * The SDK's styles, adopted by its shadow roots as a constructed stylesheet: isolated from the
 * host page, and no `<style>` or style attribute for a Content-Security-Policy to refuse.
 * Themable with `--macaron-*` custom properties (they inherit into shadow trees).
 */

const CSS = `:host{all:initial;display:block}
*{box-sizing:border-box}
.b,dialog,.p{--bg:var(--macaron-bg,#fff);--fg:var(--macaron-fg,#1b1b1f);--ac:var(--macaron-accent,#1f4fd1);--af:var(--macaron-accent-fg,#fff);--bd:var(--macaron-border,#6b6b76);font:15px/1.45 var(--macaron-font,system-ui,sans-serif);color:var(--fg);background:var(--bg);border:1px solid var(--bd);border-radius:var(--macaron-radius,12px)}
@media(prefers-color-scheme:dark){.b,dialog,.p{--bg:var(--macaron-bg,#1d1d22);--fg:var(--macaron-fg,#ececf1);--ac:var(--macaron-accent,#a8bfff);--af:var(--macaron-accent-fg,#10131c);--bd:var(--macaron-border,#9a9aa6)}}
.b{position:fixed;z-index:2147483646;inset:auto 1rem 1rem;max-width:44rem;margin:auto;padding:1rem 1.25rem;box-shadow:0 4px 24px #0005}
dialog{width:calc(100% - 2rem);max-width:40rem;max-height:calc(100% - 2rem);padding:1.25rem}
dialog::backdrop{background:#0009}
h2{font-size:1.2em;margin:0 0 .5em}
h3,h4{font-size:1em;margin:0}
p,ul{margin:.4em 0}
a{color:inherit}
button{font:inherit;color:inherit;cursor:pointer}
.r{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:1rem}
.k{flex:1 1 9rem;min-height:2.75rem;padding:.5rem 1rem;border:2px solid var(--ac);border-radius:8px;background:var(--ac);color:var(--af);font-weight:600}
.x{float:right;min-height:2.75rem;background:none;border:1px solid var(--bd);border-radius:8px}
:focus-visible{outline:3px solid var(--fg);outline-offset:2px}
.c{border-top:1px solid var(--bd);padding:.75rem 0}
.h{display:flex;justify-content:space-between;align-items:center;gap:1rem}
.s{flex:none;position:relative;width:3rem;height:1.75rem;padding:0;border:2px solid var(--bd);border-radius:1rem;background:var(--bg)}
.s:after{content:"";position:absolute;top:3px;left:3px;width:1.1rem;height:1.1rem;border-radius:50%;background:var(--bd);transition:transform .1s}
.s[aria-checked=true]{background:var(--ac);border-color:var(--ac)}
.s[aria-checked=true]:after{transform:translateX(1.2rem);background:var(--af)}
.s:disabled{cursor:default;opacity:.7}
.v{margin:.75rem 0 0 1rem}
.n{font-size:.9em}
.p{padding:1rem;min-height:8rem}
@media(prefers-reduced-motion:reduce){*,:after{transition:none!important}}`;

let sheet: CSSStyleSheet | undefined;

/** A host element with an open shadow root (axe-core and screen readers see into it). */
export function shadowHost(): [HTMLElement, ShadowRoot] {
  const host = document.createElement("div");
  const root = host.attachShadow({ mode: "open" });
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  root.adoptedStyleSheets = [sheet];
  return [host, root];
}
