/** Deeper pages than this are not served (a bound on OFFSET). */
export const MAX_SEARCH_PAGE = 100;

/** The address of a search: the query, and the page when past the first. */
export function searchHref(query: string, page = 1): string {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set("page", String(page));
  return `/search?${params.toString()}`;
}
