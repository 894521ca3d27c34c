import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { articleSectors, articles, newsColumns } from "@/db/schema";
import { type ArticleListItem, isPublicArticle } from "./public";

/** The latest articles about a sector that the public may read at `now` (its page lists them). */
export async function listSectorNewsIn(
  db: Database,
  sectorId: number,
  now: Date,
  limit: number,
): Promise<ArticleListItem[]> {
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
    .innerJoin(articleSectors, eq(articleSectors.articleId, articles.id))
    .innerJoin(newsColumns, eq(newsColumns.id, articles.columnId))
    .where(and(eq(articleSectors.sectorId, sectorId), isPublicArticle(now)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return rows.map((a) => ({ ...a, publishedAt: a.publishedAt ?? now }));
}
