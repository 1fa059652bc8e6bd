/**
 * @macaron/web, the browser SDK: built into dist/macaron.js (classic script) and dist/macaron.mjs.
 * Loaded in the page head, it starts as soon as its configuration is available.
 */
import { readConfig } from "./read-config.ts";
import { start } from "./start.ts";

export type { MacaronApi } from "./api.ts";

readConfig(
  (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>("script[data-config]"),
  start,
);
