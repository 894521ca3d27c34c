import Link from "next/link";
import { Picture } from "@/components/ui/picture";
import type { NewsListItem } from "@/db/queries/news/public";
import { articlePicture } from "@/lib/pictures/article-cover";
import { formatDate, localDateKey } from "@/lib/time";

/**
 * 图片新闻: the latest article large, the next ones as tiles. Plain links and pictures:
 * it works without JavaScript and nothing moves by itself (no carousel).
 */
export function PictureNews({ items, timeZone }: { items: NewsListItem[]; timeZone: string }) {
  const [lead, ...rest] = items;
  if (!lead) return null;
  const leadPicture = articlePicture(lead);
  return (
    <div className="pic-news">
      <article className="pic-lead">
        <Picture
          sources={leadPicture}
          sizes="(min-width: 1024px) 720px, 100vw"
          priority
          className="pic-lead-img"
        />
        <div className="p-4 sm:p-5">
          <p className="text-sm text-muted">
            <span className="pic-column">{lead.columnName}</span>
            <time dateTime={localDateKey(lead.publishedAt, timeZone)}>
              {formatDate(lead.publishedAt, timeZone)}
            </time>
          </p>
          <h3 className="pic-lead-title">
            <Link href={`/news/${lead.slug}`}>{lead.title}</Link>
          </h3>
          {lead.summary && <p className="pic-lead-summary">{lead.summary}</p>}
        </div>
      </article>
      {rest.length > 0 && (
        <ul className="pic-tiles">
          {rest.map((item) => (
            <li key={item.id}>
              <article className="pic-tile">
                <Picture
                  sources={articlePicture(item)}
                  sizes="(min-width: 1024px) 176px, (min-width: 640px) 33vw, 144px"
                  className="pic-tile-img"
                />
                <div className="min-w-0 py-1">
                  <h3 className="pic-tile-title">
                    <Link href={`/news/${item.slug}`}>{item.title}</Link>
                  </h3>
                  <p className="mt-1 text-sm text-muted">
                    <time dateTime={localDateKey(item.publishedAt, timeZone)}>
                      {formatDate(item.publishedAt, timeZone)}
                    </time>
                  </p>
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
