/**
 * The styles of the policy page. `POLICY_CSS` styles the document itself (scoped to
 * `.macaron-policy`, for sites embedding the fragment); `PAGE_CSS` adds the page's chrome and the
 * print rules: on paper only the document remains, in black on white, with link addresses shown.
 * Colours meet WCAG 2.2 AA contrast in the light and the dark scheme.
 */

export const POLICY_CSS = `.macaron-policy{line-height:1.55;overflow-wrap:break-word}
.macaron-policy h1,.macaron-policy h2,.macaron-policy h3,.macaron-policy h4{line-height:1.25;margin:1.6em 0 .5em}
.macaron-policy a{color:var(--macaron-accent,inherit);text-decoration:underline;text-underline-offset:.15em}
.macaron-policy a:focus-visible,.macaron-policy-table:focus-visible{outline:3px solid var(--macaron-accent,currentColor);outline-offset:2px}
.macaron-policy code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
.macaron-policy-updated{color:var(--macaron-muted,inherit)}
.macaron-policy-manage{font-weight:600}
.macaron-policy-table{overflow-x:auto;margin:1em 0}
.macaron-policy table{border-collapse:collapse;width:100%;min-width:40rem;font-size:.95em}
.macaron-policy th,.macaron-policy td{border:1px solid var(--macaron-border,currentColor);padding:.45em .6em;text-align:start;vertical-align:top}
.macaron-policy thead th{background:var(--macaron-stripe,transparent)}
.macaron-policy tbody tr:nth-child(even){background:var(--macaron-stripe,transparent)}
.macaron-policy tbody th{font-weight:normal}`;

export const PAGE_CSS = `:root{color-scheme:light dark;--macaron-text:#1d1d1f;--macaron-background:#fff;--macaron-muted:#4f4f55;--macaron-accent:#0b57a4;--macaron-border:#b9b9c0;--macaron-stripe:#f3f3f6}
@media (prefers-color-scheme:dark){:root{--macaron-text:#ececf0;--macaron-background:#141417;--macaron-muted:#b8b8c0;--macaron-accent:#93c5ff;--macaron-border:#55555e;--macaron-stripe:#1e1e23}}
*,*::before,*::after{box-sizing:border-box}
body{margin:0;background:var(--macaron-background);color:var(--macaron-text);font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.macaron-skip{position:absolute;left:1rem;top:-10rem;padding:.5rem 1rem;background:var(--macaron-background);color:var(--macaron-accent)}
.macaron-skip:focus{top:1rem}
.macaron-header,.macaron-footer{border-color:var(--macaron-border);border-style:solid;border-width:0}
.macaron-header{border-bottom-width:1px}
.macaron-footer{border-top-width:1px;color:var(--macaron-muted);font-size:.9rem}
.macaron-bar{max-width:64rem;margin:0 auto;padding:.75rem 1.25rem;display:flex;flex-wrap:wrap;gap:.75rem 1.5rem;align-items:center}
.macaron-site{font-weight:700;color:var(--macaron-text);text-decoration:none;margin-inline-end:auto}
.macaron-header a{color:var(--macaron-accent)}
.macaron-header a:focus-visible,.macaron-header button:focus-visible,.macaron-skip:focus-visible{outline:3px solid var(--macaron-accent);outline-offset:2px}
.macaron-languages{display:flex;gap:.75rem;list-style:none;margin:0;padding:0}
.macaron-languages [aria-current]{font-weight:700;text-decoration:none;color:var(--macaron-text)}
.macaron-header button{font:inherit;color:var(--macaron-text);background:var(--macaron-stripe);border:1px solid var(--macaron-border);border-radius:.4rem;padding:.3rem .9rem;cursor:pointer}
main{display:block;max-width:64rem;margin:0 auto;padding:0 1.25rem 3rem}
main:focus{outline:none}
${POLICY_CSS}
@media print{
:root{color-scheme:light;--macaron-text:#000;--macaron-background:#fff;--macaron-muted:#333;--macaron-accent:#000;--macaron-border:#777;--macaron-stripe:#fff}
.macaron-chrome,.macaron-skip,[data-macaron-print]{display:none!important}
body{font-size:10.5pt}
main{max-width:none;padding:0}
.macaron-policy a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em;word-break:break-all}
.macaron-policy-table{overflow:visible}
.macaron-policy table{min-width:0}
.macaron-policy thead{display:table-header-group}
.macaron-policy tr,.macaron-policy li{break-inside:avoid}
.macaron-policy h2,.macaron-policy h3{break-after:avoid}
}`;

/** Shows the print button (hidden without JavaScript, where it could do nothing) and wires it. */
export const PAGE_SCRIPT = `for(const b of document.querySelectorAll("[data-macaron-print]")){b.hidden=false;b.addEventListener("click",()=>print())}`;
