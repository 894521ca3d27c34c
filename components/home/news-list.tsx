import Link from "next/link";
import type { ArticleListItem } from "@/db/queries/news/public";
import { formatDate, localDateKey } from "@/lib/time";

export function NewsList({
  items,
  timeZone,
  emptyText,
}: {
  items: ArticleListItem[];
  timeZone: string;
  emptyText: string;
}) {
  if (items.length === 0) return <p className="text-muted">{emptyText}</p>;
  return (
    <ul className="divide-y divide-stone-200">
      {items.map((item) => (
        <li key={item.id} className="py-4 first:pt-0">
          <article>
            <p className="text-xs text-muted">
              <span className="mr-2 rounded bg-brand-50 px-1.5 py-0.5 text-brand-700">
                {item.columnName}
              </span>
              <time dateTime={localDateKey(item.publishedAt, timeZone)}>
                {formatDate(item.publishedAt, timeZone)}
              </time>
            </p>
            <h3 className="mt-1.5 text-lg font-semibold leading-snug">
              <Link href={`/news/${item.slug}`} className="hover:text-brand-700 hover:underline">
                {item.title}
              </Link>
            </h3>
            {item.summary && (
              <p className="mt-1 line-clamp-2 text-[15px] text-muted">{item.summary}</p>
            )}
          </article>
        </li>
      ))}
    </ul>
  );
}
