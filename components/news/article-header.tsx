import Link from "next/link";
import type { ArticleDetail } from "@/db/queries/news/public";
import { messages } from "@/lib/messages";
import { newsListHref } from "@/lib/news/rules";
import { formatDate, formatTime } from "@/lib/time";

/** Column, title, date in the committee's zone, and the bylines (记者 … 通讯员 …). */
export function ArticleHeader({ article, timeZone }: { article: ArticleDetail; timeZone: string }) {
  const m = messages.newsPages.article;
  return (
    <header className="border-b border-stone-300 pb-5 text-center">
      <p>
        <Link
          href={newsListHref(article.columnSlug)}
          className="inline-block rounded-sm bg-brand-50 px-2 py-0.5 text-sm text-brand-700 hover:underline"
        >
          {article.columnName}
        </Link>
      </p>
      <h1 className="mt-3 font-serif text-2xl font-bold leading-snug text-ink sm:text-[2rem] sm:leading-tight">
        {article.title}
      </h1>
      <p className="mt-4 flex flex-wrap items-center justify-center gap-x-5 gap-y-1 text-sm text-muted">
        <span>
          {m.published}：
          <time dateTime={article.publishedAt.toISOString()}>
            {formatDate(article.publishedAt, timeZone)} {formatTime(article.publishedAt, timeZone)}
          </time>
        </span>
        {article.reporter && (
          <span>
            {m.reporter} {article.reporter}
          </span>
        )}
        {article.correspondent && (
          <span>
            {m.correspondent} {article.correspondent}
          </span>
        )}
      </p>
    </header>
  );
}
