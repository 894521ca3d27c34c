import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { ArticleBody } from "@/components/news/article-body";
import { ArticleCover } from "@/components/news/article-cover";
import { ArticleHeader } from "@/components/news/article-header";
import { ArticleLinks } from "@/components/news/article-links";
import { NewsBreadcrumbs } from "@/components/news/breadcrumbs";
import { FeedLinks } from "@/components/news/feed-links";
import { RelatedArticles } from "@/components/news/related-articles";
import { getPublicArticle } from "@/db/queries/news";
import { getCommitteeInfo } from "@/db/queries/settings";
import { env } from "@/lib/env";
import { renderMarkdown } from "@/lib/markdown";
import { messages } from "@/lib/messages";
import { absoluteUrl, fileHref, newsListHref } from "@/lib/news";

type Params = Promise<{ slug: string }>;

// Slugs are short; a made-up long one is not worth a query or a cache entry.
const MAX_SLUG_LENGTH = 200;

// One read per request for the metadata and the page.
const loadArticle = cache(async (slug: string) =>
  slug.length > MAX_SLUG_LENGTH ? null : getPublicArticle(slug),
);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await connection();
  const { slug } = await params;
  const [found, committee] = await Promise.all([loadArticle(slug), getCommitteeInfo()]);
  if (!found) return {};
  const { article } = found;
  const url = absoluteUrl(env.SITE_URL, `/news/${encodeURIComponent(article.slug)}`);
  const description = article.summary || undefined;
  return {
    title: article.title,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: "article",
      url,
      title: article.title,
      description,
      siteName: committee.name,
      locale: "zh_CN",
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: new Date(
        Math.max(article.updatedAt.getTime(), article.publishedAt.getTime()),
      ).toISOString(),
      section: article.columnName,
      authors: article.reporter ? [article.reporter] : undefined,
      tags: article.sectors.map((s) => s.name),
      images: article.cover
        ? [
            {
              url: absoluteUrl(env.SITE_URL, fileHref(article.cover.fileId)),
              width: article.cover.width ?? undefined,
              height: article.cover.height ?? undefined,
              type: article.cover.contentType,
              alt: article.title,
            },
          ]
        : undefined,
    },
  };
}

export default async function ArticlePage({ params }: { params: Params }) {
  await connection();
  const { slug } = await params;
  const [found, committee] = await Promise.all([loadArticle(slug), getCommitteeInfo()]);
  if (!found) notFound();
  const { article, related } = found;
  const m = messages.newsPages;
  const columnHref = newsListHref(article.columnSlug);
  const html = renderMarkdown(article.body, { siteUrl: env.SITE_URL });

  return (
    <div className="space-y-6">
      <NewsBreadcrumbs
        trail={[
          { label: m.title, href: "/news" },
          { label: article.columnName, href: columnHref },
          { label: article.title },
        ]}
      />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <article className="min-w-0 rounded-sm border border-stone-200 bg-white px-5 py-7 shadow-sm sm:px-10 sm:py-10">
          <ArticleHeader article={article} timeZone={committee.timeZone} />
          {article.cover && <ArticleCover cover={article.cover} />}
          <div className="mt-6">
            <ArticleBody html={html} />
          </div>
          <ArticleLinks article={article} timeZone={committee.timeZone} />
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
          <RelatedArticles items={related} timeZone={committee.timeZone} />
          <FeedLinks column={{ slug: article.columnSlug, name: article.columnName }} />
        </aside>
      </div>
    </div>
  );
}
