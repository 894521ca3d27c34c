import type { Metadata } from "next";
import { cache } from "react";
import { listNewsColumns } from "@/db/queries/news/cached";
import type { ArticleDetail, NewsColumnItem } from "@/db/queries/news/public";
import { messages } from "@/lib/messages";
import { feedHref, newsListHref, parsePageParam } from "@/lib/news/rules";
import { articleSharePicture, articleUrl } from "@/lib/news/share";
import { siteUrl } from "@/lib/site-url";

/** ?column=slug&page=N → the column (or all) and the page; null for a 404. */
export const resolveNewsList = cache(
  async (column: string | string[] | undefined, rawPage: string | string[] | undefined) => {
    const page = parsePageParam(rawPage);
    if (page === null || Array.isArray(column)) return null;
    const columns = await listNewsColumns();
    const current = column ? columns.find((c) => c.slug === column) : null;
    if (current === undefined) return null;
    return { columns, current, page };
  },
);

/** The list's title, description, canonical address and feeds. */
export function newsListMetadata(
  current: NewsColumnItem | null,
  page: number,
  committeeName: string,
): Metadata {
  const m = messages.newsPages.meta;
  const suffix = page > 1 ? m.pageSuffix(page) : "";
  const url = siteUrl;
  return {
    title: `${current ? current.name : m.listTitle}${suffix}`,
    description: current
      ? m.columnDescription(current.name, current.description, committeeName)
      : m.listDescription(committeeName),
    alternates: {
      canonical: url(newsListHref(current?.slug, page)),
      types: {
        "application/rss+xml": url(feedHref("rss", current?.slug)),
        "application/atom+xml": url(feedHref("atom", current?.slug)),
      },
    },
  };
}

/** An article's title, description, canonical address and Open Graph card. */
export function articleMetadata(article: ArticleDetail, siteName: string): Metadata {
  const url = articleUrl(article.slug);
  const picture = articleSharePicture(article);
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
      siteName,
      locale: "zh_CN",
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: new Date(
        Math.max(article.updatedAt.getTime(), article.publishedAt.getTime()),
      ).toISOString(),
      section: article.columnName,
      authors: article.reporter ? [article.reporter] : undefined,
      tags: article.sectors.map((s) => s.name),
      images: [
        {
          url: picture.url,
          width: picture.width,
          height: picture.height,
          type: "image/jpeg",
          alt: article.title,
        },
      ],
    },
  };
}
