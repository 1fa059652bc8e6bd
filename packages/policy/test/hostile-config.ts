/**
 * A configuration whose every free text tries to become markup: script tags, attribute breakouts,
 * Markdown links, headings and table pipes. Rendered, all of it must stay visible text.
 */
import { type MacaronConfig, parseConfig } from "@macaron/core";
import { seedInput } from "../../core/test/seed-config.ts";

export const SCRIPT = "<script>window.__pwned='script'</script>";
export const IMAGE = `"><img src=x onerror="window.__pwned='img'">`;
export const MARKDOWN = "[click](javascript:window.__pwned='md') **bold** | cell";
export const LINE_START = "# 1. - > heading";
/** Exact cookie names hold no spaces, ';', ',' or '='; this one still tries to close its tag. */
export const NAME = "</code><script>window.__pwned++</script>";

export function hostileConfig(): MacaronConfig {
  const input = seedInput();
  input.site.name = `Shop ${SCRIPT}`;
  input.site.controller.name = `ACME ${IMAGE}`;
  input.site.controller.registration = MARKDOWN;
  input.site.controller.address = `${LINE_START} ${SCRIPT}`;
  input.collectedData = [
    { fr: LINE_START, en: LINE_START },
    { fr: IMAGE, en: IMAGE },
  ];
  input.categories[1].name = { fr: `Mesure ${IMAGE}`, en: `Analytics ${IMAGE}` };
  input.categories[1].legalBasis = { fr: SCRIPT, en: SCRIPT };
  input.services[2].provider = `Google ${MARKDOWN}`;
  input.services[2].name = `GA ${SCRIPT}`;
  input.services[2].cookies[0].name = NAME;
  input.services[2].cookies[0].description = { fr: `${LINE_START} ${IMAGE}`, en: `${LINE_START} ${IMAGE}` };
  input.texts = { fr: { manage: `Gérer ${IMAGE}` }, en: { manage: `Manage ${IMAGE}` } };
  return parseConfig(input);
}
