import AxeBuilder from "@axe-core/playwright";
import {
  type Browser,
  type BrowserContext,
  test as base,
  expect,
  type Page,
} from "@playwright/test";

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

/**
 * axe-core runs as a script, which a page without JavaScript cannot do. So the page is
 * checked as served: its HTML, scripts removed, in a scratch page that may run axe.
 */
export async function expectNoAxeViolationsWithoutScripts(browser: Browser, page: Page) {
  const html = (await page.content())
    .replace(/<script\b[\s\S]*?<\/script>/gi, "")
    .replace(/<head([^>]*)>/i, `<head$1><base href="${page.url()}">`);
  // Explicitly: contexts made inside a test inherit its options, javaScriptEnabled too.
  const context = await browser.newContext({ javaScriptEnabled: true, locale: "zh-CN" });
  try {
    const copy = await context.newPage();
    await copy.setContent(html, { waitUntil: "load" });
    await expectNoAxeViolations(copy);
  } finally {
    await context.close();
  }
}

const CSP_MARK = "[csp-violation]";
/** The running test's list; a context kept across tests (a staff session) reports into it. */
let cspSink: string[] = [];
const watchedContexts = new WeakSet<BrowserContext>();

/**
 * Makes every page of `context` report Content-Security-Policy violations to the running
 * test: the page's own `securitypolicyviolation` events (an init script, which CSP does not
 * govern, relays them to the console) and Chromium's "Refused to …" console errors.
 */
async function watchCspViolations(context: BrowserContext): Promise<void> {
  if (watchedContexts.has(context)) return;
  watchedContexts.add(context);
  await context.addInitScript((mark) => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : "";
      console.error(
        `${mark} ${event.effectiveDirective} blocked ${event.blockedURI || "inline"}${where}: ${event.sample}`,
      );
    });
  }, CSP_MARK);
  context.on("console", (message) => {
    const text = message.text();
    if (text.startsWith(CSP_MARK) || /Content Security Policy/i.test(text)) {
      cspSink.push(`${message.page()?.url() ?? "?"}: ${text}`);
    }
  });
}

interface Fixtures {
  /** `await expectNoAxeViolations()` checks the test's page; pass another page to check that one. */
  expectNoAxeViolations: (target?: Page, options?: AxeCheckOptions) => Promise<void>;
  /**
   * CSP violations reported so far by the pages of this test (its `context`, and any context
   * it opens with `browser.newContext()` or `browser.newPage()`). Every test fails when one
   * is reported, unless it sets `failOnCspViolations: false` to provoke them on purpose.
   */
  cspViolations: string[];
  failOnCspViolations: boolean;
}

export const test = base.extend<Fixtures>({
  expectNoAxeViolations: async ({ page }, use) => {
    await use((target = page, options) => expectNoAxeViolations(target, options));
  },
  failOnCspViolations: [true, { option: true }],
  cspViolations: [
    async ({ context, browser, failOnCspViolations }, use) => {
      const violations: string[] = [];
      cspSink = violations;
      await watchCspViolations(context);
      // Contexts the test opens itself (a second user, JavaScript off) are watched too.
      const newContext = browser.newContext;
      browser.newContext = async function (this: typeof browser, ...args) {
        const opened = await newContext.apply(this, args);
        await watchCspViolations(opened);
        return opened;
      };
      try {
        await use(violations);
      } finally {
        browser.newContext = newContext;
        cspSink = [];
      }
      if (failOnCspViolations) {
        expect(violations, "Content-Security-Policy violations reported by the pages").toEqual([]);
      }
    },
    { auto: true },
  ],
});

export { expect };
