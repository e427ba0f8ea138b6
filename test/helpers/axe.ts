// Runs axe-core (the accessibility rules engine) in a page and returns what blocks people: the
// serious and critical violations, each with the elements it found, ready to print in a failure.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export type AxeViolation = {
  id: string;
  impact: "serious" | "critical";
  help: string;
  nodes: string[];
};

/** WCAG 2.1 A and AA rules, as most public-sector and customer contracts ask. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated rather than added as a script tag, which the console's Content-Security-Policy refuses.
  if (!(await page.evaluate(`"axe" in window`))) await page.evaluate(axeSource);
  // Runs in the page, where axe is now a global.
  const violations = (await page.evaluate(`axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    resultTypes: ["violations"],
  }).then((result) => result.violations)`)) as Array<{
    id: string;
    impact?: string | null;
    help: string;
    nodes: Array<{ target: unknown[]; failureSummary?: string }>;
  }>;
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      id: v.id,
      impact: v.impact as AxeViolation["impact"],
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`),
    }));
}
