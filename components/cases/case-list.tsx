import Link from "next/link";
import type { PublicCase } from "@/db/queries/cases/public";
import { messages } from "@/lib/messages";
import { cmsMessages } from "@/lib/messages/cms";
import { formatDate, formatDateSpan } from "@/lib/time";

const m = cmsMessages.cases;

export const categoryLabel = (c: PublicCase["category"]) =>
  c ? messages.admin.categories[c] : null;

/** "2026-05-12" (a calendar date, no zone) → "2026年5月12日". */
export function formatLocalDate(day: string): string {
  return formatDate(new Date(`${day}T12:00:00Z`), "UTC");
}

/** "2026年5月12日至30日" from the case's own dates, or the one it has. */
export function caseDates(item: Pick<PublicCase, "receivedOn" | "resolvedOn">): string | null {
  if (item.receivedOn && item.resolvedOn) return formatDateSpan(item.receivedOn, item.resolvedOn);
  const one = item.resolvedOn ?? item.receivedOn;
  return one ? formatLocalDate(one) : null;
}

/** One page of public cases: category, town, title, the problem in short, the department. */
export function CaseList({ items }: { items: PublicCase[] }) {
  return (
    <ul aria-label={m.listLabel} className="divide-y divide-stone-200 border-y border-stone-200">
      {items.map((item) => (
        <li key={item.id}>
          <article className="py-5">
            <p className="mb-1.5 flex flex-wrap gap-2 text-sm">
              {categoryLabel(item.category) && (
                <span className="rounded-sm bg-brand-50 px-1.5 py-0.5 text-brand-800">
                  {categoryLabel(item.category)}
                </span>
              )}
              {item.townName && (
                <span className="rounded-sm bg-stone-100 px-1.5 py-0.5 text-stone-800">
                  {item.townName}
                </span>
              )}
            </p>
            <h2 className="font-serif text-lg font-bold leading-snug text-ink sm:text-xl">
              <Link href={`/cases/${item.id}`} className="hover:text-brand-700 hover:underline">
                {item.title}
              </Link>
            </h2>
            <p className="mt-1.5 line-clamp-2 text-[15px] leading-relaxed text-muted">
              {item.summary}
            </p>
            <p className="mt-2 flex flex-wrap gap-x-4 text-sm text-muted">
              {item.departmentName && (
                <span>
                  {m.department}：{item.departmentName}
                </span>
              )}
              {caseDates(item) && <span>{caseDates(item)}</span>}
            </p>
          </article>
        </li>
      ))}
    </ul>
  );
}
