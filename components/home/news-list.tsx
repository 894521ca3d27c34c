import Link from "next/link";
import { Picture } from "@/components/ui/picture";
import type { ArticleListItem, NewsListItem } from "@/db/queries/news/public";
import { articlePicture } from "@/lib/pictures/article-cover";
import { formatDate, localDateKey } from "@/lib/time";

/** A short list of articles; with `pictures` (a sector's page), each with its thumbnail. */
export function NewsList({
  items,
  timeZone,
  emptyText,
  pictures = false,
}: {
  items: (ArticleListItem | NewsListItem)[];
  timeZone: string;
  emptyText: string;
  pictures?: boolean;
}) {
  if (items.length === 0) return <p className="text-muted">{emptyText}</p>;
  return (
    <ul className="divide-y divide-stone-200">
      {items.map((item) => (
        <li key={item.id} className="py-4 first:pt-0">
          <article className="flex gap-4">
            <div className="min-w-0 flex-1">
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
            </div>
            {pictures && (
              <Picture
                sources={articlePicture({ ...item, cover: "cover" in item ? item.cover : null })}
                sizes="112px"
                className="h-16 w-28 shrink-0 rounded-sm bg-stone-100 object-cover"
              />
            )}
          </article>
        </li>
      ))}
    </ul>
  );
}
