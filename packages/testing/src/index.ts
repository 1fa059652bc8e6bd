/** @macaron/testing: tooling shared by the tests and benchmarks of every package (private). */
export { type AxeViolation, axeViolations } from "./axe.ts";
export { CHROMIUM_FLAGS, chromiumPath, launchChromium, launchChromiumProfile } from "./chromium.ts";
export { type LocalServer, listenLocally } from "./http.ts";
