import Link from "next/link";
import { messages } from "@/lib/messages";

const m = messages.search.pagination;

/** Deeper pages than this are not served (a bound on OFFSET). */
export const MAX_SEARCH_PAGE = 100;

export function searchHref(query: string, page = 1): string {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set("page", String(page));
  return `/search?${params.toString()}`;
}

/** Pages 1 … n around the current one, with gaps (null) where pages are skipped. */
function pageWindow(page: number, pages: number): (number | null)[] {
  const wanted = new Set([1, pages, page - 1, page, page + 1]);
  const out: (number | null)[] = [];
  for (let n = 1; n <= pages; n++) {
    if (!wanted.has(n)) continue;
    const last = out[out.length - 1];
    if (typeof last === "number" && n > last + 1) out.push(null);
    out.push(n);
  }
  return out;
}

/** Previous, numbered pages and next, as plain links; the current page carries aria-current. */
export function SearchPagination({
  query,
  page,
  pages,
}: {
  query: string;
  page: number;
  pages: number;
}) {
  if (pages <= 1) return null;
  const base = "inline-flex min-w-10 items-center justify-center rounded-sm border px-3 py-1.5";
  const idle = `${base} border-stone-300 bg-white text-ink hover:border-brand-600 hover:text-brand-700`;
  return (
    <nav aria-label={m.label} className="mt-6">
      <ul className="flex flex-wrap items-center justify-center gap-2 text-[15px]">
        {page > 1 && (
          <li>
            <Link href={searchHref(query, page - 1)} rel="prev" className={idle}>
              <span aria-hidden="true">‹ </span>
              {m.previous}
            </Link>
          </li>
        )}
        {pageWindow(page, pages).map((n, i) =>
          n === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity but their place
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={n}>
              <Link
                href={searchHref(query, n)}
                aria-current={n === page ? "page" : undefined}
                aria-label={m.page(n)}
                className={
                  n === page
                    ? `${base} border-brand-700 bg-brand-700 font-semibold text-white`
                    : idle
                }
              >
                {n}
              </Link>
            </li>
          ),
        )}
        {page < pages && (
          <li>
            <Link href={searchHref(query, page + 1)} rel="next" className={idle}>
              {m.next}
              <span aria-hidden="true"> ›</span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
