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
    <ul className="home-news">
      {items.map((item) => (
        <li key={item.id}>
          <article className="flex gap-4">
            <div className="min-w-0 flex-1">
              <p className="home-news-meta">
                <span className="home-news-column">{item.columnName}</span>
                <time dateTime={localDateKey(item.publishedAt, timeZone)}>
                  {formatDate(item.publishedAt, timeZone)}
                </time>
              </p>
              <h3 className="home-news-title">
                <Link href={`/news/${item.slug}`}>{item.title}</Link>
              </h3>
              {item.summary && <p className="home-news-summary">{item.summary}</p>}
            </div>
            {pictures && (
              <Picture
                sources={articlePicture({ ...item, cover: "cover" in item ? item.cover : null })}
                sizes="112px"
                className="home-news-pic"
              />
            )}
          </article>
        </li>
      ))}
    </ul>
  );
}
