import Link from "next/link";
import type { NewsColumnItem } from "@/db/queries/news/public";
import { messages } from "@/lib/messages";
import { newsListHref } from "@/lib/news/rules";

/** The columns as plain links; the current one is marked for screen readers and by colour. */
export function ColumnTabs({
  columns,
  current,
}: {
  columns: NewsColumnItem[];
  current: string | null;
}) {
  const m = messages.newsPages;
  const tabs = [{ slug: null, name: m.allColumns }, ...columns];
  return (
    <nav aria-label={m.columnsLabel} className="border-b border-stone-300">
      <ul className="-mb-px flex overflow-x-auto whitespace-nowrap">
        {tabs.map((tab) => {
          const active = tab.slug === current;
          return (
            <li key={tab.slug ?? "all"}>
              <Link
                href={newsListHref(tab.slug)}
                aria-current={active ? "page" : undefined}
                className={`block border-b-[3px] px-2 py-2.5 text-[15px] sm:px-5 sm:text-base ${
                  active
                    ? "border-brand-600 font-semibold text-brand-800"
                    : "border-transparent text-ink hover:border-stone-300 hover:text-brand-700"
                }`}
              >
                {tab.name}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
