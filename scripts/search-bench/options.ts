// Search benchmark, options (docs/search.md); the entry point is scripts/search-bench.ts.

// ---------------------------------------------------------------------------------------
// Arguments

export const args = process.argv.slice(2);
export function option(name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
export const DOCS = Number(option("--docs") ?? 100_000);
export const PGLITE_DOCS = option("--pglite") ? Number(option("--pglite")) : 0;
export const GIVEN_URL = option("--url");
export const SAMPLES = Number(option("--samples") ?? 20);
/** Per query and approach: stop sampling after this long (slow approaches get fewer samples). */
export const BUDGET_MS = Number(option("--budget-ms") ?? 4000);
export const SEED = 20260519;

export const log = (...parts: unknown[]) => console.error("[search-bench]", ...parts);
