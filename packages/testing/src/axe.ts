/** Accessibility checks with axe-core, run inside a real page. */

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Frame, Page } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

/**
 * The WCAG 2.x A/AA violations axe-core finds in the page (or in `include`, a CSS selector).
 * Shadow roots are checked too: axe walks open shadow trees.
 */
export async function axeViolations(target: Page | Frame, include?: string): Promise<AxeViolation[]> {
  await target.evaluate(AXE_SOURCE);
  return target.evaluate(async (selector) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is the global the injected source defines.
    const axe = (globalThis as any).axe;
    const result = await axe.run(selector ? { include: [[selector]] } : document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    // biome-ignore lint/suspicious/noExplicitAny: axe's result type is not imported into the page.
    return result.violations.map((violation: any) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      // biome-ignore lint/suspicious/noExplicitAny: as above.
      targets: violation.nodes.map((node: any) => node.target.join(" ")),
    }));
  }, include);
}
