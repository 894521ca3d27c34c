import Link from "next/link";
import { ArticleBody } from "@/components/news/article-body";
import { ArticleCover } from "@/components/news/article-cover";
import { ArticleHeader } from "@/components/news/article-header";
import { ArticleLinks } from "@/components/news/article-links";
import { ArticleShare, ArticleTools } from "@/components/news/article-tools";
import { FeedLinks } from "@/components/news/feed-links";
import { RelatedArticles } from "@/components/news/related-articles";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import type { ArticleDetail, ArticleListItem } from "@/db/queries/news/public";
import { messages } from "@/lib/messages";
import { siteMessages } from "@/lib/messages/site";
import { newsListHref } from "@/lib/news/rules";
import { type ArticleSize, articleSizeClass } from "@/lib/news/tools";

/** What the article's tools need: its size, its absolute address and QR code, who publishes it. */
export interface ArticleToolsInfo {
  size: ArticleSize;
  url: string;
  /** The share QR code's picture (lib/news/share.ts articleQrPath). */
  qrSrc: string;
  committeeName: string;
}

/**
 * A public article: trail, header, 字号 and 打印, cover, the body (already rendered, safe
 * HTML), related, 分享. On paper: the committee's name above, the title, date and body,
 * the article's address below; no trail, tools or side column.
 */
export function ArticleView({
  article,
  related,
  html,
  timeZone,
  tools,
}: {
  article: ArticleDetail;
  related: ArticleListItem[];
  html: string;
  timeZone: string;
  tools: ArticleToolsInfo;
}) {
  const m = messages.newsPages;
  const columnHref = newsListHref(article.columnSlug);
  return (
    <div className="space-y-6 print:space-y-0">
      <p className="hidden border-b-2 border-brand-700 pb-2 text-center font-serif text-xl font-bold text-brand-800 print:block">
        {tools.committeeName}
      </p>
      <div className="print:hidden">
        <Breadcrumbs
          trail={[
            { label: m.title, href: "/news" },
            { label: article.columnName, href: columnHref },
            { label: article.title },
          ]}
        />
      </div>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem] print:block">
        <article className="min-w-0 rounded-sm border border-stone-200 bg-white px-5 py-7 shadow-sm sm:px-10 sm:py-10 print:border-0 print:p-0 print:shadow-none">
          <ArticleHeader article={article} timeZone={timeZone} />
          <ArticleTools slug={article.slug} size={tools.size} />
          {article.cover && <ArticleCover cover={article.cover} />}
          <div className={`mt-6 ${articleSizeClass(tools.size)}`}>
            <ArticleBody html={html} />
          </div>
          <ArticleLinks article={article} timeZone={timeZone} />
          <p className="mt-8 hidden break-all border-t border-stone-300 pt-3 text-sm print:block">
            {siteMessages.tools.address}：{tools.url}
          </p>
          <p className="mt-8 flex flex-wrap gap-x-6 gap-y-2 text-[15px] print:hidden">
            <Link href={columnHref} className="text-brand-700 hover:underline">
              <span aria-hidden="true">‹ </span>
              {m.article.backToColumn(article.columnName)}
            </Link>
            <Link href="/news" className="text-brand-700 hover:underline">
              {m.article.backToNews}
            </Link>
          </p>
        </article>
        <aside className="space-y-6 print:hidden">
          <ArticleShare url={tools.url} qrSrc={tools.qrSrc} title={article.title} />
          <RelatedArticles items={related} timeZone={timeZone} />
          <FeedLinks column={{ slug: article.columnSlug, name: article.columnName }} />
        </aside>
      </div>
    </div>
  );
}
