import Link from "next/link";
import type { ArticleDetail } from "@/db/queries/news/public";
import { messages } from "@/lib/messages";
import { formatDate } from "@/lib/time";

/** What the article is about: its sectors (to their pages) and its event (to the event page). */
export function ArticleLinks({ article, timeZone }: { article: ArticleDetail; timeZone: string }) {
  if (article.sectors.length === 0 && !article.event) return null;
  const m = messages.newsPages.article;
  return (
    <dl className="mt-8 grid gap-x-4 gap-y-3 border-t border-stone-200 pt-5 text-[15px] sm:grid-cols-[6rem_1fr]">
      {article.sectors.length > 0 && (
        <>
          <dt className="font-semibold text-ink">{m.sectors}</dt>
          <dd>
            <ul className="flex flex-wrap gap-2">
              {article.sectors.map((sector) => (
                <li key={sector.id}>
                  <Link
                    href={`/sectors/${sector.slug}`}
                    className="inline-block rounded-sm border border-brand-200 px-2 py-0.5 text-brand-700 hover:bg-brand-50"
                  >
                    {sector.name}
                  </Link>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {article.event && (
        <>
          <dt className="font-semibold text-ink">{m.event}</dt>
          <dd>
            <Link
              href={`/events/${article.event.id}`}
              className="text-brand-700 underline underline-offset-2 hover:text-brand-900"
            >
              {article.event.title}
            </Link>
            <span className="ml-2 text-sm text-muted">
              {formatDate(article.event.startsAt, timeZone)}
            </span>
          </dd>
        </>
      )}
    </dl>
  );
}
