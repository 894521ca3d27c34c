import Link from "next/link";
import { Picture } from "@/components/ui/picture";
import type { NewsListItem } from "@/db/queries/news/public";
import { articlePicture } from "@/lib/pictures/article-cover";
import { formatDate, localDateKey } from "@/lib/time";

/** One page of articles: date, column, title, summary, and its picture (the cover photo, or
 * its designed cover: a list never has a gap). */
export function ArticleList({
  items,
  timeZone,
  showColumn,
  label,
}: {
  items: NewsListItem[];
  timeZone: string;
  showColumn: boolean;
  label: string;
}) {
  return (
    <ul aria-label={label} className="divide-y divide-stone-200 border-b border-stone-200">
      {items.map((item) => (
        <li key={item.id}>
          <article className="flex gap-4 py-5 sm:gap-6">
            <div className="min-w-0 flex-1">
              <h2 className="font-serif text-lg font-bold leading-snug text-ink sm:text-xl">
                <Link href={`/news/${item.slug}`} className="hover:text-brand-700 hover:underline">
                  {item.title}
                </Link>
              </h2>
              {item.summary && (
                <p className="mt-1.5 line-clamp-2 text-[15px] leading-relaxed text-muted">
                  {item.summary}
                </p>
              )}
              <p className="mt-2 flex flex-wrap items-center gap-x-3 text-sm text-muted">
                {showColumn && (
                  <span className="rounded-sm bg-brand-50 px-1.5 py-0.5 text-brand-700">
                    {item.columnName}
                  </span>
                )}
                <time dateTime={localDateKey(item.publishedAt, timeZone)}>
                  {formatDate(item.publishedAt, timeZone)}
                </time>
              </p>
            </div>
            <Picture
              sources={articlePicture(item)}
              sizes="(min-width: 640px) 144px, 112px"
              className="h-20 w-28 shrink-0 rounded-sm bg-stone-100 object-cover sm:h-24 sm:w-36"
            />
          </article>
        </li>
      ))}
    </ul>
  );
}
