import Link from "next/link";
import { adminMessages } from "@/lib/messages/admin";

/** Previous / next links that keep the list's filters (`hrefFor(page)`). */
export function AdminPagination({
  page,
  pages,
  hrefFor,
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
}) {
  if (pages <= 1) return null;
  const m = adminMessages.pagination;
  const link =
    "inline-flex items-center rounded-md border border-stone-300 bg-white px-3 py-1.5 hover:border-brand-600 hover:text-brand-700";
  return (
    <nav aria-label={m.label} className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-muted">{m.status(page, pages)}</p>
      <ul className="flex gap-2 text-[15px]">
        {page > 1 && (
          <li>
            <Link href={hrefFor(page - 1)} rel="prev" className={link}>
              {m.previous}
            </Link>
          </li>
        )}
        {page < pages && (
          <li>
            <Link href={hrefFor(page + 1)} rel="next" className={link}>
              {m.next}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
