import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { articleSectors, articles, files, newsColumns } from "@/db/schema";
import {
  coverFields,
  coverJoin,
  isPublicArticle,
  listFields,
  type NewsListItem,
  toNewsListItem,
} from "./public";

/** The latest articles about a sector that the public may read at `now` (its page lists them). */
export async function listSectorNewsIn(
  db: Database,
  sectorId: number,
  now: Date,
  limit: number,
): Promise<NewsListItem[]> {
  const rows = await db
    .select({ ...listFields, ...coverFields })
    .from(articles)
    .innerJoin(articleSectors, eq(articleSectors.articleId, articles.id))
    .innerJoin(newsColumns, eq(newsColumns.id, articles.columnId))
    .leftJoin(files, coverJoin)
    .where(and(eq(articleSectors.sectorId, sectorId), isPublicArticle(now)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return rows.map((r) => toNewsListItem(r, now));
}
