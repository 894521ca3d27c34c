import { Pagination } from "@/components/ui/pagination";
import { messages } from "@/lib/messages";

/** Deeper pages than this are not served (a bound on OFFSET). */
export const MAX_SEARCH_PAGE = 100;

export function searchHref(query: string, page = 1): string {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set("page", String(page));
  return `/search?${params.toString()}`;
}

/** The search results' pages, for one query. */
export function SearchPagination({
  query,
  page,
  pages,
}: {
  query: string;
  page: number;
  pages: number;
}) {
  return (
    <Pagination
      page={page}
      pages={pages}
      hrefFor={(n) => searchHref(query, n)}
      labels={messages.search.pagination}
    />
  );
}
