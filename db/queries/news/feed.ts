import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { FEED_SIZE, type FeedArticle } from "@/lib/news/rules";
import { cachedQuery, cacheTags } from "../../cache";
import type { Database } from "../../client";
import { getDb } from "../../runtime";
import { articles, files, newsColumns } from "../../schema";
import { epochOf } from "./cached";
import { coverFields, coverJoin, isPublicArticle, listFields, toNewsListItem } from "./public";

/** The RSS and Atom feeds: the newest public articles with their bodies. */

export async function selectFeedArticles(
  db: Database,
  options: { columnId: number | null; asOf: Date; limit?: number },
): Promise<FeedArticle[]> {
  const rows = await db
    .select({
      ...listFields,
      ...coverFields,
      body: articles.body,
      updatedAt: articles.updatedAt,
      reporter: articles.reporter,
      correspondent: articles.correspondent,
    })
    .from(articles)
    .innerJoin(newsColumns, eq(newsColumns.id, articles.columnId))
    .leftJoin(files, coverJoin)
    .where(
      and(
        isPublicArticle(options.asOf),
        options.columnId === null ? undefined : eq(articles.columnId, options.columnId),
      ),
    )
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(options.limit ?? FEED_SIZE);
  return rows.map((r) => {
    const item = toNewsListItem(r, options.asOf);
    return {
      slug: item.slug,
      title: item.title,
      summary: item.summary,
      body: r.body,
      publishedAt: item.publishedAt,
      updatedAt: r.updatedAt,
      reporter: r.reporter,
      correspondent: r.correspondent,
      columnName: item.columnName,
      cover: item.cover,
    };
  });
}

const cachedFeed = cachedQuery(
  async (columnId: number | null, asOf: string) =>
    selectFeedArticles(await getDb(), { columnId, asOf: new Date(asOf) }),
  ["news:feed"],
  { tags: [cacheTags.news] },
);

/** The newest FEED_SIZE public articles with their bodies, and the epoch they were read at. */
export async function listFeedArticles(
  columnId: number | null,
  now = new Date(),
): Promise<{ articles: FeedArticle[]; asOf: Date }> {
  const asOf = await epochOf(now);
  return { articles: await cachedFeed(columnId, asOf.toISOString()), asOf };
}
