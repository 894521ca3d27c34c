import Link from "next/link";
import { pageWindow } from "@/lib/pagination";

export interface PaginationLabels {
  label: string;
  previous: string;
  next: string;
  page: (n: number) => string;
  status?: (page: number, pages: number) => string;
}

/** Previous, numbered pages and next, as plain links; the current page carries aria-current. */
export function Pagination({
  page,
  pages,
  hrefFor,
  labels: m,
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  labels: PaginationLabels;
}) {
  if (pages <= 1) return null;
  const base = "inline-flex min-w-10 items-center justify-center rounded-sm border px-3 py-1.5";
  const idle = `${base} border-stone-300 bg-white text-ink hover:border-brand-600 hover:text-brand-700`;
  return (
    <nav aria-label={m.label} className="mt-6">
      <ul className="flex flex-wrap items-center justify-center gap-2 text-[15px]">
        {page > 1 && (
          <li>
            <Link href={hrefFor(page - 1)} rel="prev" className={idle}>
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
                href={hrefFor(n)}
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
            <Link href={hrefFor(page + 1)} rel="next" className={idle}>
              {m.next}
              <span aria-hidden="true"> ›</span>
            </Link>
          </li>
        )}
      </ul>
      {m.status && <p className="mt-3 text-center text-sm text-muted">{m.status(page, pages)}</p>}
    </nav>
  );
}
