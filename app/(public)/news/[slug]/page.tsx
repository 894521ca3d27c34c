import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { ArticleView } from "@/components/news/article-view";
import { getPublicArticle } from "@/db/queries/news/cached";
import { getCommitteeInfo } from "@/db/queries/settings";
import { env } from "@/lib/env";
import { articleQrPath, articleUrl } from "@/lib/news/share";
import { parseArticleSize } from "@/lib/news/tools";
import { renderRichText } from "@/lib/rich-text/sanitize";
import { articleMetadata } from "../view";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<{ size?: string | string[] }>;

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
  return found ? articleMetadata(found.article, committee.name) : {};
}

export default async function ArticlePage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  await connection();
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const [found, committee] = await Promise.all([loadArticle(slug), getCommitteeInfo()]);
  if (!found) notFound();
  const url = articleUrl(found.article.slug);
  return (
    <ArticleView
      article={found.article}
      related={found.related}
      html={renderRichText(found.article.body, { siteUrl: env.SITE_URL })}
      timeZone={committee.timeZone}
      tools={{
        size: parseArticleSize(query.size),
        url,
        qrSrc: articleQrPath(found.article.slug),
        committeeName: committee.name,
      }}
    />
  );
}
