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
    <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <article className="group relative overflow-hidden rounded-sm border border-stone-200 bg-white shadow-sm">
        <Picture
          sources={leadPicture}
          sizes="(min-width: 1024px) 720px, 100vw"
          priority
          className="aspect-video h-auto w-full bg-stone-100 object-cover"
        />
        <div className="p-4 sm:p-5">
          <p className="text-sm text-muted">
            <span className="mr-2 rounded-sm bg-brand-50 px-1.5 py-0.5 text-brand-700">
              {lead.columnName}
            </span>
            <time dateTime={localDateKey(lead.publishedAt, timeZone)}>
              {formatDate(lead.publishedAt, timeZone)}
            </time>
          </p>
          <h3 className="mt-2 font-serif text-xl font-bold leading-snug text-ink sm:text-2xl">
            <Link href={`/news/${lead.slug}`} className="hover:text-brand-700 hover:underline">
              {lead.title}
            </Link>
          </h3>
          {lead.summary && (
            <p className="mt-2 line-clamp-2 leading-relaxed text-muted">{lead.summary}</p>
          )}
        </div>
      </article>
      {rest.length > 0 && (
        <ul className="grid gap-4 sm:grid-cols-3 lg:grid-cols-1">
          {rest.map((item) => (
            <li key={item.id}>
              <article className="flex h-full gap-3 rounded-sm border border-stone-200 bg-white p-2 shadow-sm sm:flex-col lg:flex-row lg:items-center">
                <Picture
                  sources={articlePicture(item)}
                  sizes="(min-width: 1024px) 176px, (min-width: 640px) 33vw, 144px"
                  className="aspect-video h-auto w-36 shrink-0 rounded-sm bg-stone-100 object-cover sm:w-full lg:w-44"
                />
                <div className="min-w-0 py-1">
                  <h3 className="line-clamp-3 font-semibold leading-snug text-ink">
                    <Link
                      href={`/news/${item.slug}`}
                      className="hover:text-brand-700 hover:underline"
                    >
                      {item.title}
                    </Link>
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
