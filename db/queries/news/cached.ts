import "server-only";
import { pageCount, visibilityEpoch } from "@/lib/news/rules";
import { cachedQuery, cacheTags } from "../../cache";
import { getDb } from "../../runtime";
import {
  type ArticleListItem,
  type ArticlePage,
  type ArticleWithRelated,
  type NewsColumnItem,
  selectArticleCount,
  selectArticlePage,
  selectLatestArticles,
  selectNewsColumns,
  selectPublicArticle,
  selectPublicationSchedule,
  selectRelatedArticles,
} from "./public";

/**
 * The public news reads of the server's pages, through the data cache, tagged `news`, keyed
 * by the visibility epoch (lib/news.ts) so a scheduled article appears at its time and never
 * before.
 */

const newsTags = { tags: [cacheTags.news] };

const cachedSchedule = cachedQuery(
  async () => selectPublicationSchedule(await getDb(), new Date()),
  ["news:schedule"],
  newsTags,
);

/** The instant the cached lists are computed at, for a request at `now`. */
export async function epochOf(now: Date): Promise<Date> {
  return visibilityEpoch(now, await cachedSchedule());
}

const cachedColumns = cachedQuery(
  async () => selectNewsColumns(await getDb()),
  ["news:columns"],
  newsTags,
);

export function listNewsColumns(): Promise<NewsColumnItem[]> {
  return cachedColumns();
}

const cachedLatest = cachedQuery(
  async (limit: number, asOf: string) => selectLatestArticles(await getDb(), limit, new Date(asOf)),
  ["news:latest"],
  newsTags,
);

/** The newest public articles (home page). */
export async function listLatestArticles(
  limit: number,
  now = new Date(),
): Promise<ArticleListItem[]> {
  return cachedLatest(limit, (await epochOf(now)).toISOString());
}

const cachedPage = cachedQuery(
  async (columnId: number | null, page: number, pageSize: number, asOf: string) =>
    selectArticlePage(await getDb(), {
      columnId,
      offset: (page - 1) * pageSize,
      limit: pageSize,
      asOf: new Date(asOf),
    }),
  ["news:page"],
  newsTags,
);

const cachedCount = cachedQuery(
  async (columnId: number | null, asOf: string) =>
    selectArticleCount(await getDb(), { columnId, asOf: new Date(asOf) }),
  ["news:count"],
  newsTags,
);

/**
 * One page of public articles, of one column or all, with the total count; null
 * for a page past the end (checked first, so made-up page numbers fill no cache).
 */
export async function listArticlePage(options: {
  columnId: number | null;
  page: number;
  pageSize: number;
  now?: Date;
}): Promise<ArticlePage | null> {
  const asOf = (await epochOf(options.now ?? new Date())).toISOString();
  const total = await cachedCount(options.columnId, asOf);
  if (options.page > pageCount(total, options.pageSize)) return null;
  return cachedPage(options.columnId, options.page, options.pageSize, asOf);
}

const cachedArticle = cachedQuery(
  async (slug: string, asOf: string): Promise<ArticleWithRelated | null> => {
    const db = await getDb();
    const at = new Date(asOf);
    const article = await selectPublicArticle(db, slug, at);
    if (!article) return null;
    const related = await selectRelatedArticles(
      db,
      { id: article.id, columnId: article.columnId, sectorIds: article.sectors.map((s) => s.id) },
      at,
    );
    return { article, related };
  },
  ["news:article"],
  { tags: [cacheTags.news, cacheTags.directory, cacheTags.events] },
);

/** A public article and its related articles; null when missing, draft or not yet due. */
export async function getPublicArticle(
  slug: string,
  now = new Date(),
): Promise<ArticleWithRelated | null> {
  return cachedArticle(slug, (await epochOf(now)).toISOString());
}
