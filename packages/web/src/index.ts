/** @macaron/web: the browser SDK (built into dist/macaron.js and dist/macaron.mjs). */
export {};
