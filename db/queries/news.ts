import "server-only";
import { and, desc, eq, isNotNull, lte } from "drizzle-orm";
import { getDb } from "../runtime";
import { articles, newsColumns } from "../schema";

/** Published and due: scheduled articles stay invisible until their time. */
export const isPublicArticle = (now: Date) =>
  and(
    eq(articles.status, "published"),
    isNotNull(articles.publishedAt),
    lte(articles.publishedAt, now),
  );

export interface ArticleListItem {
  id: number;
  slug: string;
  title: string;
  summary: string;
  publishedAt: Date;
  columnName: string;
  columnSlug: string;
}

export async function listLatestArticles(
  limit: number,
  now = new Date(),
): Promise<ArticleListItem[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      summary: articles.summary,
      publishedAt: articles.publishedAt,
      columnName: newsColumns.name,
      columnSlug: newsColumns.slug,
    })
    .from(articles)
    .innerJoin(newsColumns, eq(newsColumns.id, articles.columnId))
    .where(isPublicArticle(now))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt ?? now }));
}
