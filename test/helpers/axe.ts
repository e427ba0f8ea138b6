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

/**
 * WCAG 2.1 A and AA rules, as most public-sector and customer contracts ask; over the whole page,
 * or only inside the elements `within` (a CSS selector) selects.
 */
export async function seriousViolations(page: Page, within?: string): Promise<AxeViolation[]> {
  // Evaluated rather than added as a script tag, so the console's Content-Security-Policy allows it.
  if (!(await page.evaluate(`"axe" in window`))) await page.evaluate(axeSource);
  // Runs in the page, where axe is now a global.
  const context = within ? JSON.stringify({ include: [within] }) : "document";
  const violations = (await page.evaluate(`axe.run(${context}, {
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

/** The violations as lines to read in a failed assertion. */
export const violationReport = (violations: AxeViolation[]) =>
  violations.map((v) => `${v.impact} ${v.id} (${v.help})\n  ${v.nodes.join("\n  ")}`).join("\n");
