import "server-only";
import { and, asc, count, desc, eq, gt, inArray, isNotNull, lte, ne } from "drizzle-orm";
import {
  FEED_SIZE,
  type FeedArticle,
  type PublicationSchedule,
  pageCount,
  RELATED_SIZE,
  visibilityEpoch,
} from "@/lib/news";
import { cachedQuery, cacheTags } from "../cache";
import type { Database } from "../client";
import { getDb } from "../runtime";
import {
  articleSectors,
  articles,
  campaigns,
  events,
  files,
  newsColumns,
  organisations,
  publicCases,
  sectors,
} from "../schema";

/**
 * News reads. Each `select…` takes a database (integration tests pass their own);
 * the exported `list…`/`get…` wrappers read through the data cache, tagged
 * `news`, keyed by the visibility epoch (lib/news.ts) so a scheduled article
 * appears at its time and never before.
 */

/** Published and due: scheduled articles stay invisible until their time. */
export const isPublicArticle = (now: Date) =>
  and(
    eq(articles.status, "published"),
    isNotNull(articles.publishedAt),
    lte(articles.publishedAt, now),
  );

export interface NewsColumnItem {
  id: number;
  slug: string;
  name: string;
  description: string;
}

export interface ArticleListItem {
  id: number;
  slug: string;
  title: string;
  summary: string;
  publishedAt: Date;
  columnName: string;
  columnSlug: string;
}

export interface CoverImage {
  fileId: string;
  width: number | null;
  height: number | null;
  contentType: string;
  byteSize: number;
  credit: string | null;
}

export interface NewsListItem extends ArticleListItem {
  cover: CoverImage | null;
}

export interface ArticlePage {
  items: NewsListItem[];
  total: number;
}

export interface ArticleDetail extends NewsListItem {
  body: string;
  updatedAt: Date;
  reporter: string | null;
  correspondent: string | null;
  columnId: number;
  sectors: { id: number; slug: string; name: string }[];
  event: { id: number; title: string; startsAt: Date } | null;
}

export interface ArticleWithRelated {
  article: ArticleDetail;
  related: ArticleListItem[];
}

const listFields = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  summary: articles.summary,
  publishedAt: articles.publishedAt,
  columnName: newsColumns.name,
  columnSlug: newsColumns.slug,
};

const coverFields = {
  coverFileId: files.id,
  coverWidth: files.width,
  coverHeight: files.height,
  coverType: files.contentType,
  coverSize: files.byteSize,
  coverCredit: articles.coverCredit,
};

// Only a public file makes a cover: a private one is never linked from a public page.
const coverJoin = and(eq(files.id, articles.coverFileId), eq(files.visibility, "public"));

type Dated<R> = Omit<R, "publishedAt"> & { publishedAt: Date };

// Public articles always have a publishing time; the type of the column allows null.
function toListItem<R extends { publishedAt: Date | null }>(row: R, asOf: Date): Dated<R> {
  return { ...row, publishedAt: row.publishedAt ?? asOf };
}

interface CoverRow {
  coverFileId: string | null;
  coverWidth: number | null;
  coverHeight: number | null;
  coverType: string | null;
  coverSize: number | null;
  coverCredit: string | null;
}

function toNewsListItem<R extends CoverRow & { publishedAt: Date | null }>(
  row: R,
  asOf: Date,
): Dated<Omit<R, keyof CoverRow>> & { cover: CoverImage | null } {
  const { coverFileId, coverWidth, coverHeight, coverType, coverSize, coverCredit, ...rest } = row;
  const cover =
    coverFileId && coverType
      ? {
          fileId: coverFileId,
          width: coverWidth,
          height: coverHeight,
          contentType: coverType,
          byteSize: coverSize ?? 0,
          credit: coverCredit,
        }
      : null;
  return { ...toListItem(rest, asOf), cover };
}

// ---------------------------------------------------------------------------
// Queries on a given database

export async function selectPublicationSchedule(
  db: Database,
  now: Date,
  limit = 50,
): Promise<PublicationSchedule> {
  const rows = await db
    .selectDistinct({ at: articles.publishedAt })
    .from(articles)
    .where(and(eq(articles.status, "published"), gt(articles.publishedAt, now)))
    .orderBy(asc(articles.publishedAt))
    .limit(limit + 1);
  const upcoming = rows.flatMap((r) => (r.at ? [r.at] : []));
  return {
    computedAt: now,
    upcoming: upcoming.slice(0, limit),
    complete: upcoming.length <= limit,
  };
}

export async function selectNewsColumns(db: Database): Promise<NewsColumnItem[]> {
  return db
    .select({
      id: newsColumns.id,
      slug: newsColumns.slug,
      name: newsColumns.name,
      description: newsColumns.description,
    })
    .from(newsColumns)
    .orderBy(asc(newsColumns.sortOrder), asc(newsColumns.id));
}

const inColumn = (columnId: number | null, asOf: Date) =>
  and(isPublicArticle(asOf), columnId === null ? undefined : eq(articles.columnId, columnId));

export async function selectArticleCount(
  db: Database,
  options: { columnId: number | null; asOf: Date },
): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(articles)
    .where(inColumn(options.columnId, options.asOf));
  return row?.total ?? 0;
}

export async function selectArticlePage(
  db: Database,
  options: { columnId: number | null; offset: number; limit: number; asOf: Date },
): Promise<ArticlePage> {
  const where = inColumn(options.columnId, options.asOf);
  const [rows, total] = await Promise.all([
    db
      .select({ ...listFields, ...coverFields })
      .from(articles)
      .innerJoin(newsColumns, eq(newsColumns.id, articles.columnId))
      .leftJoin(files, coverJoin)
      .where(where)
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(options.limit)
      .offset(options.offset),
    selectArticleCount(db, options),
  ]);
  return { items: rows.map((r) => toNewsListItem(r, options.asOf)), total };
}

export async function selectLatestArticles(
  db: Database,
  limit: number,
  asOf: Date,
): Promise<ArticleListItem[]> {
  const rows = await db
    .select(listFields)
    .from(articles)
    .innerJoin(newsColumns, eq(newsColumns.id, articles.columnId))
    .where(isPublicArticle(asOf))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return rows.map((r) => toListItem(r, asOf));
}

export async function selectPublicArticle(
  db: Database,
  slug: string,
  asOf: Date,
): Promise<ArticleDetail | null> {
  const [row] = await db
    .select({
      ...listFields,
      ...coverFields,
      body: articles.body,
      updatedAt: articles.updatedAt,
      reporter: articles.reporter,
      correspondent: articles.correspondent,
      columnId: articles.columnId,
      eventId: events.id,
      eventTitle: events.title,
      eventStartsAt: events.startsAt,
    })
    .from(articles)
    .innerJoin(newsColumns, eq(newsColumns.id, articles.columnId))
    .leftJoin(files, coverJoin)
    .leftJoin(events, eq(events.id, articles.eventId))
    .where(and(eq(articles.slug, slug), isPublicArticle(asOf)))
    .limit(1);
  if (!row) return null;
  const tagged = await db
    .select({ id: sectors.id, slug: sectors.slug, name: sectors.name })
    .from(articleSectors)
    .innerJoin(sectors, eq(sectors.id, articleSectors.sectorId))
    .where(eq(articleSectors.articleId, row.id))
    .orderBy(asc(sectors.sortOrder), asc(sectors.id));
  const { eventId, eventTitle, eventStartsAt, ...rest } = row;
  return {
    ...toNewsListItem(rest, asOf),
    body: row.body,
    updatedAt: row.updatedAt,
    reporter: row.reporter,
    correspondent: row.correspondent,
    columnId: row.columnId,
    sectors: tagged,
    event:
      eventId !== null && eventTitle !== null && eventStartsAt !== null
        ? { id: eventId, title: eventTitle, startsAt: eventStartsAt }
        : null,
  };
}

/**
 * Other public articles sharing the most sectors with this one (newest first
 * among equals), then the newest of its column, up to `limit`.
 */
export async function selectRelatedArticles(
  db: Database,
  article: { id: number; columnId: number; sectorIds: number[] },
  asOf: Date,
  limit = RELATED_SIZE,
): Promise<ArticleListItem[]> {
  const others = and(isPublicArticle(asOf), ne(articles.id, article.id));
  const shared = count(articleSectors.sectorId);
  const [bySector, byColumn] = await Promise.all([
    article.sectorIds.length === 0
      ? []
      : db
          .select(listFields)
          .from(articles)
          .innerJoin(articleSectors, eq(articleSectors.articleId, articles.id))
          .innerJoin(newsColumns, eq(newsColumns.id, articles.columnId))
          .where(and(others, inArray(articleSectors.sectorId, article.sectorIds)))
          .groupBy(articles.id, newsColumns.id)
          .orderBy(desc(shared), desc(articles.publishedAt), desc(articles.id))
          .limit(limit),
    db
      .select(listFields)
      .from(articles)
      .innerJoin(newsColumns, eq(newsColumns.id, articles.columnId))
      .where(and(others, eq(articles.columnId, article.columnId)))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(limit),
  ]);
  const seen = new Set<number>();
  const out: ArticleListItem[] = [];
  for (const row of [...bySector, ...byColumn]) {
    if (out.length >= limit || seen.has(row.id)) continue;
    seen.add(row.id);
    out.push(toListItem(row, asOf));
  }
  return out;
}

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

export interface SitemapEntries {
  articles: { slug: string; lastModified: Date }[];
  events: { id: number; lastModified: Date }[];
  sectors: string[];
  studios: string[];
  campaigns: string[];
  cases: { id: number; lastModified: Date }[];
}

/** A sitemap holds at most 50,000 URLs; beyond this many articles, split it (generateSitemaps). */
const SITEMAP_ARTICLES = 40_000;
const SITEMAP_EVENTS = 8_000;
const SITEMAP_CASES = 1_000;

export async function selectSitemapEntries(db: Database, asOf: Date): Promise<SitemapEntries> {
  const [articleRows, eventRows, sectorRows, studioRows, campaignRows, caseRows] =
    await Promise.all([
      db
        .select({
          slug: articles.slug,
          publishedAt: articles.publishedAt,
          updatedAt: articles.updatedAt,
        })
        .from(articles)
        .where(isPublicArticle(asOf))
        .orderBy(desc(articles.publishedAt), desc(articles.id))
        .limit(SITEMAP_ARTICLES),
      db
        .select({ id: events.id, updatedAt: events.updatedAt })
        .from(events)
        .orderBy(desc(events.startsAt), desc(events.id))
        .limit(SITEMAP_EVENTS),
      db.select({ slug: sectors.slug }).from(sectors).orderBy(asc(sectors.sortOrder)),
      db
        .select({ slug: organisations.slug })
        .from(organisations)
        .where(and(eq(organisations.kind, "studio"), eq(organisations.active, true)))
        .orderBy(asc(organisations.sortOrder)),
      db.select({ slug: campaigns.slug }).from(campaigns).orderBy(desc(campaigns.startsOn)),
      db
        .select({ id: publicCases.id, updatedAt: publicCases.updatedAt })
        .from(publicCases)
        .where(and(isNotNull(publicCases.publishedAt), lte(publicCases.publishedAt, asOf)))
        .orderBy(desc(publicCases.publishedAt), desc(publicCases.id))
        .limit(SITEMAP_CASES),
    ]);
  return {
    articles: articleRows.map((r) => ({
      slug: r.slug,
      // A scheduled article "changes" when it appears, even if it was written long before.
      lastModified: new Date(
        Math.max(r.updatedAt.getTime(), r.publishedAt?.getTime() ?? r.updatedAt.getTime()),
      ),
    })),
    events: eventRows.map((r) => ({ id: r.id, lastModified: r.updatedAt })),
    sectors: sectorRows.map((r) => r.slug),
    studios: studioRows.map((r) => r.slug),
    campaigns: campaignRows.map((r) => r.slug),
    cases: caseRows.map((r) => ({ id: r.id, lastModified: r.updatedAt })),
  };
}

export interface PublicFile {
  sha256: string;
  contentType: string;
  byteSize: number;
  data: Buffer | null;
}

/** A stored file, only when it is public; `withData: false` reads just its headers. */
export async function selectPublicFile(
  db: Database,
  id: string,
  options: { withData: boolean },
): Promise<PublicFile | null> {
  const base = {
    sha256: files.sha256,
    contentType: files.contentType,
    byteSize: files.byteSize,
  };
  const where = and(eq(files.id, id), eq(files.visibility, "public"));
  if (!options.withData) {
    const [row] = await db.select(base).from(files).where(where).limit(1);
    return row ? { ...row, data: null } : null;
  }
  const [row] = await db
    .select({ ...base, data: files.data })
    .from(files)
    .where(where)
    .limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------------------
// Cached reads for the server's pages

const newsTags = { tags: [cacheTags.news] };

const cachedSchedule = cachedQuery(
  async () => selectPublicationSchedule(await getDb(), new Date()),
  ["news:schedule"],
  newsTags,
);

/** The instant the cached lists are computed at, for a request at `now`. */
async function epochOf(now: Date): Promise<Date> {
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

const cachedFeed = cachedQuery(
  async (columnId: number | null, asOf: string) =>
    selectFeedArticles(await getDb(), { columnId, asOf: new Date(asOf) }),
  ["news:feed"],
  newsTags,
);

/** The newest FEED_SIZE public articles with their bodies, and the epoch they were read at. */
export async function listFeedArticles(
  columnId: number | null,
  now = new Date(),
): Promise<{ articles: FeedArticle[]; asOf: Date }> {
  const asOf = await epochOf(now);
  return { articles: await cachedFeed(columnId, asOf.toISOString()), asOf };
}

const cachedSitemap = cachedQuery(
  async (asOf: string) => selectSitemapEntries(await getDb(), new Date(asOf)),
  ["news:sitemap"],
  {
    tags: [
      cacheTags.news,
      cacheTags.events,
      cacheTags.directory,
      cacheTags.campaigns,
      cacheTags.cases,
    ],
  },
);

/** Everything public the sitemap lists. */
export async function listSitemapEntries(now = new Date()): Promise<SitemapEntries> {
  return cachedSitemap((await epochOf(now)).toISOString());
}

/** A public stored file (not cached here: the response is cached by browsers and CDNs). */
export async function getPublicFile(
  id: string,
  options: { withData: boolean },
): Promise<PublicFile | null> {
  return selectPublicFile(await getDb(), id, options);
}
