import Link from "next/link";
import type { ArticleListItem } from "@/db/queries/news/public";
import { messages } from "@/lib/messages";
import { formatDate, localDateKey } from "@/lib/time";

/** Articles sharing the sectors or the column of the one being read. */
export function RelatedArticles({
  items,
  timeZone,
}: {
  items: ArticleListItem[];
  timeZone: string;
}) {
  const m = messages.newsPages.article;
  return (
    <section aria-labelledby="related-title">
      <h2
        id="related-title"
        className="border-b-2 border-brand-600 pb-2 font-serif text-lg font-bold text-brand-800"
      >
        {m.related}
      </h2>
      {items.length === 0 ? (
        <p className="mt-3 text-sm text-muted">{m.noRelated}</p>
      ) : (
        <ul className="divide-y divide-stone-200">
          {items.map((item) => (
            <li key={item.id} className="py-3">
              <Link
                href={`/news/${item.slug}`}
                className="font-medium leading-snug hover:text-brand-700 hover:underline"
              >
                {item.title}
              </Link>
              <p className="mt-1 text-xs text-muted">
                {item.columnName}
                <span aria-hidden="true"> · </span>
                <time dateTime={localDateKey(item.publishedAt, timeZone)}>
                  {formatDate(item.publishedAt, timeZone)}
                </time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
