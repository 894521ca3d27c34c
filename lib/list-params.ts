/**
 * A list page's address: its search parameters read defensively (anything odd falls back
 * to the default) and written back, so tabs, filters and pages are plain GET links that
 * work without JavaScript and can be shared.
 */

export type SearchParams = Record<string, string | string[] | undefined>;
export type QueryValue = string | number | null | undefined;

/** A list page's props (Next.js hands the search parameters over as a promise). */
export type ListPageProps = { searchParams: Promise<SearchParams> };

/** Rows per page of the console's content lists (news, events, registrations). */
export const ADMIN_PAGE_SIZE = 20;

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

/**
 * A list's tab: the choice read from the parameter `name` (an unknown one is `fallback`),
 * and `param(choice)`, the value a link carries (null for the default, which is left out).
 */
export function tabParam<T extends string>(
  params: SearchParams,
  name: string,
  choices: readonly T[],
  fallback: T,
) {
  const current = choiceParam(params[name], choices, fallback);
  const param = (choice: T): T | null => (choice === fallback ? null : choice);
  return { name, choices, current, shown: param(current), param };
}

export type TabParam<T extends string> = ReturnType<typeof tabParam<T>>;

/** The pager of a list: `link` is the list's `listHref`. */
export function pagerFor(
  page: number,
  total: number,
  pageSize: number,
  link: (over?: Record<string, QueryValue>) => string,
) {
  return { page, pages: pageCount(total, pageSize), hrefFor: (p: number) => link({ page: p }) };
}
