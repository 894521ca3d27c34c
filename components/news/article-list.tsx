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
    <ul aria-label={label} className="news-list">
      {items.map((item) => (
        <li key={item.id}>
          <article className="news-item">
            <div className="min-w-0 flex-1">
              <h2 className="news-item-title">
                <Link href={`/news/${item.slug}`}>{item.title}</Link>
              </h2>
              {item.summary && <p className="news-item-summary">{item.summary}</p>}
              <p className="news-item-meta">
                {showColumn && <span className="news-item-column">{item.columnName}</span>}
                <time dateTime={localDateKey(item.publishedAt, timeZone)}>
                  {formatDate(item.publishedAt, timeZone)}
                </time>
              </p>
            </div>
            <Picture
              sources={articlePicture(item)}
              sizes="(min-width: 640px) 144px, 112px"
              className="news-item-pic"
            />
          </article>
        </li>
      ))}
    </ul>
  );
}
