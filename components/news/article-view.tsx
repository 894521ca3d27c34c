import Link from "next/link";
import { ArticleBody } from "@/components/news/article-body";
import { ArticleCover } from "@/components/news/article-cover";
import { ArticleHeader } from "@/components/news/article-header";
import { ArticleLinks } from "@/components/news/article-links";
import { FeedLinks } from "@/components/news/feed-links";
import { RelatedArticles } from "@/components/news/related-articles";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import type { ArticleDetail, ArticleListItem } from "@/db/queries/news/public";
import { messages } from "@/lib/messages";
import { newsListHref } from "@/lib/news/rules";

/** A public article: trail, header, cover, the body (already rendered, safe HTML), related. */
export function ArticleView({
  article,
  related,
  html,
  timeZone,
}: {
  article: ArticleDetail;
  related: ArticleListItem[];
  html: string;
  timeZone: string;
}) {
  const m = messages.newsPages;
  const columnHref = newsListHref(article.columnSlug);
  return (
    <div className="space-y-6">
      <Breadcrumbs
        trail={[
          { label: m.title, href: "/news" },
          { label: article.columnName, href: columnHref },
          { label: article.title },
        ]}
      />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <article className="min-w-0 rounded-sm border border-stone-200 bg-white px-5 py-7 shadow-sm sm:px-10 sm:py-10">
          <ArticleHeader article={article} timeZone={timeZone} />
          {article.cover && <ArticleCover cover={article.cover} />}
          <div className="mt-6">
            <ArticleBody html={html} />
          </div>
          <ArticleLinks article={article} timeZone={timeZone} />
          <p className="mt-8 flex flex-wrap gap-x-6 gap-y-2 text-[15px]">
            <Link href={columnHref} className="text-brand-700 hover:underline">
              <span aria-hidden="true">‹ </span>
              {m.article.backToColumn(article.columnName)}
            </Link>
            <Link href="/news" className="text-brand-700 hover:underline">
              {m.article.backToNews}
            </Link>
          </p>
        </article>
        <aside className="space-y-6">
          <RelatedArticles items={related} timeZone={timeZone} />
          <FeedLinks column={{ slug: article.columnSlug, name: article.columnName }} />
        </aside>
      </div>
    </div>
  );
}
