import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;
type Violation = AxeResults["violations"][number];

export interface AxeCheckOptions {
  /** Only check inside these selectors. */
  include?: string[];
  /** Leave these selectors out (say, a third-party embed). */
  exclude?: string[];
  /** Rule ids to skip; every use deserves a comment saying why. */
  disableRules?: string[];
  /** Restrict to rules with these tags (e.g. ["wcag2a", "wcag2aa", "wcag21aa"]); default: axe's default rule set. */
  tags?: string[];
}

function describeTarget(target: Violation["nodes"][number]["target"]): string {
  // A target is a list of selectors, one per frame or shadow root on the way down.
  return target
    .map((part) => (Array.isArray(part) ? part.join(" >>> ") : String(part)))
    .join(" → ");
}

/** One readable line per violation and element: `id [impact] target — help`. */
export function formatViolations(violations: Violation[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} [${violation.impact ?? "unknown"}] ${describeTarget(node.target)} — ${violation.help}`,
    ),
  );
}

/**
 * Runs axe-core on the page as it is now and fails with the list of violations
 * (id, impact, target). The full axe report is attached to the test on failure.
 * The design asks for zero violations on every page.
 */
export async function expectNoAxeViolations(page: Page, options: AxeCheckOptions = {}) {
  let builder = new AxeBuilder({ page });
  for (const selector of options.include ?? []) builder = builder.include(selector);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  if (options.tags?.length) builder = builder.withTags(options.tags);

  const results = await builder.analyze();
  if (results.violations.length > 0) {
    await base.info().attach("axe-violations.json", {
      body: JSON.stringify(results.violations, null, 2),
      contentType: "application/json",
    });
  }
  expect(
    formatViolations(results.violations),
    `axe-core: ${results.violations.length} rule(s) violated on ${page.url()}`,
  ).toEqual([]);
}

interface Fixtures {
  /** `await expectNoAxeViolations()` checks the test's page; pass another page to check that one. */
  expectNoAxeViolations: (target?: Page, options?: AxeCheckOptions) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  expectNoAxeViolations: async ({ page }, use) => {
    await use((target = page, options) => expectNoAxeViolations(target, options));
  },
});

export { expect };
