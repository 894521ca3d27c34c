import Link from "next/link";
import { cmsMessages } from "@/lib/messages/cms";

/** Previous and next page links of a public list (plain links, no JavaScript). */
export function Pagination({
  page,
  pages,
  href,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  if (pages <= 1) return null;
  const p = cmsMessages.common.pagination;
  const link = "rounded border border-stone-400 bg-white px-3 py-1.5 hover:border-brand-700";
  return (
    <nav aria-label={p.label} className="flex items-center justify-between gap-3 text-[15px]">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={link}>
          <span aria-hidden="true">‹ </span>
          {p.previous}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-muted">{p.status(page, pages)}</span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next" className={link}>
          {p.next}
          <span aria-hidden="true"> ›</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
