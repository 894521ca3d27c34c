/**
 * A list page's address: its search parameters read defensively (anything odd falls back
 * to the default) and written back, so tabs, filters and pages are plain GET links that
 * work without JavaScript and can be shared.
 */

export type SearchParams = Record<string, string | string[] | undefined>;
export type QueryValue = string | number | null | undefined;

/** "page" search parameter → a page number ≥ 1 (anything odd is page 1). */
export function pageParam(raw: string | string[] | undefined): number {
  if (typeof raw !== "string" || !/^[1-9]\d{0,4}$/.test(raw)) return 1;
  return Number(raw);
}

/** A single-valued search parameter, trimmed and cut to `max` characters. */
export function textParam(raw: string | string[] | undefined, max = 100): string {
  return typeof raw === "string" ? raw.trim().slice(0, max) : "";
}

/** One of `choices`, or `fallback` when the parameter is missing or unknown. */
export function choiceParam<T extends string, F extends string | null>(
  raw: string | string[] | undefined,
  choices: readonly T[],
  fallback: F,
): T | F {
  return choices.find((c) => c === raw) ?? fallback;
}

/** A positive integer id (`^[1-9]\d{0,8}$`), or null. */
export function idParam(raw: string | string[] | undefined): number | null {
  return typeof raw === "string" && /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
}

/** How many pages `total` rows fill, at least one. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** A query string from the non-empty entries (page 1 is left out), "" when none. */
export function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "" && !(key === "page" && value === 1)) {
      search.set(key, String(value));
    }
  }
  const s = search.toString();
  return s ? `?${s}` : "";
}

/**
 * A link builder for one list: `path` with the current filters, each overridable
 * (`null` drops a parameter). `listHref("/admin/news", { q })({ page: 2 })`.
 */
export function listHref(
  path: string,
  current: Record<string, QueryValue>,
): (over?: Record<string, QueryValue>) => string {
  return (over = {}) => `${path}${queryString({ ...current, ...over })}`;
}
