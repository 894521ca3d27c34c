import "server-only";
import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { cachedQuery, cacheTags } from "../../cache";
import type { Database } from "../../client";
import { getDb } from "../../runtime";
import { articles, files, newsColumns } from "../../schema";
import { epochOf } from "./cached";
import {
  coverFields,
  coverJoin,
  isPublicArticle,
  listFields,
  type NewsListItem,
  toNewsListItem,
} from "./public";

/**
 * 图片新闻, the home page's lead: the latest public articles with a cover photo, newest
 * first; when fewer have a photo, the latest others follow (with their designed covers),
 * so the section is always full.
 */
export async function selectPictureNews(
  db: Database,
  limit: number,
  asOf: Date,
): Promise<NewsListItem[]> {
  const query = (withPhoto: boolean) =>
    db
      .select({ ...listFields, ...coverFields })
      .from(articles)
      .innerJoin(newsColumns, eq(newsColumns.id, articles.columnId))
      .leftJoin(files, coverJoin)
      .where(and(isPublicArticle(asOf), withPhoto ? isNotNull(files.id) : isNull(files.id)))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(limit);
  const withPhoto = await query(true);
  const rest = withPhoto.length < limit ? await query(false) : [];
  return [...withPhoto, ...rest.slice(0, limit - withPhoto.length)].map((r) =>
    toNewsListItem(r, asOf),
  );
}

const cachedPictureNews = cachedQuery(
  async (limit: number, asOf: string) => selectPictureNews(await getDb(), limit, new Date(asOf)),
  ["news:pictures"],
  { tags: [cacheTags.news] },
);

/** The home page's picture news, through the data cache (tagged `news`). */
export async function listPictureNews(limit: number, now = new Date()): Promise<NewsListItem[]> {
  return cachedPictureNews(limit, (await epochOf(now)).toISOString());
}
