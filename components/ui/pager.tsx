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

// The looks: .pager-* in app/globals.css (a list page repeats them, in its HTML and RSC payload).
const idleLink = "pager-page";
const currentLink = "pager-here";
const stepLink = "pager-step";

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
      <ul className="pager-pages">
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
