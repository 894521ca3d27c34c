import Link from "next/link";
import { cmsCommonMessages } from "@/lib/messages/cms";
import { pageWindow } from "@/lib/pagination";

export interface PagerLabels {
  /** The navigation landmark's name ("分页", "搜索结果分页"). */
  label: string;
  previous: string;
  next: string;
  /** Given: numbered page links between previous and next, each named by it ("第 2 页"). */
  page?: (n: number) => string;
  /** "第 2 / 5 页". */
  status?: (page: number, pages: number) => string;
}

const idleLink =
  "inline-flex min-w-10 items-center justify-center rounded-sm border border-stone-300 bg-white px-3 py-1.5 text-ink hover:border-brand-600 hover:text-brand-700";
const currentLink =
  "inline-flex min-w-10 items-center justify-center rounded-sm border border-brand-700 bg-brand-700 px-3 py-1.5 font-semibold text-white";
const stepLink = "rounded border border-stone-400 bg-white px-3 py-1.5 hover:bg-stone-100";

/**
 * THE pager of the site: previous / next as plain links (GET, so the list's filters stay in
 * the address and it works without JavaScript). With `labels.page` the page numbers are
 * links too (public lists); without, "第 2 / 5 页" sits between the two (the console).
 * Nothing renders for a single page.
 */
export function Pager({
  page,
  pages,
  hrefFor,
  labels = cmsCommonMessages.pagination,
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  labels?: PagerLabels;
}) {
  if (pages <= 1) return null;
  const previous = page > 1 && (
    <Link href={hrefFor(page - 1)} rel="prev" className={labels.page ? idleLink : stepLink}>
      <span aria-hidden="true">‹ </span>
      {labels.previous}
    </Link>
  );
  const next = page < pages && (
    <Link href={hrefFor(page + 1)} rel="next" className={labels.page ? idleLink : stepLink}>
      {labels.next}
      <span aria-hidden="true"> ›</span>
    </Link>
  );
  const status = labels.status?.(page, pages);

  if (!labels.page) {
    return (
      <nav
        aria-label={labels.label}
        className="mt-5 flex items-center justify-between gap-3 text-sm"
      >
        {previous || <span />}
        {status && <span className="text-muted">{status}</span>}
        {next || <span />}
      </nav>
    );
  }

  const pageName = labels.page;
  return (
    <nav aria-label={labels.label} className="mt-6">
      <ul className="flex flex-wrap items-center justify-center gap-2 text-[15px]">
        {previous && <li>{previous}</li>}
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
                aria-label={pageName(n)}
                className={n === page ? currentLink : idleLink}
              >
                {n}
              </Link>
            </li>
          ),
        )}
        {next && <li>{next}</li>}
      </ul>
      {status && <p className="mt-3 text-center text-sm text-muted">{status}</p>}
    </nav>
  );
}
