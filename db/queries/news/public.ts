import "server-only";
import { and, asc, count, desc, eq, gt, inArray, isNotNull, lte, ne } from "drizzle-orm";
import { type PublicationSchedule, RELATED_SIZE } from "@/lib/news/rules";
import type { Database } from "../../client";
import { articleSectors, articles, events, files, newsColumns, sectors } from "../../schema";

/**
 * Public news reads. Each `select…` takes a database (integration tests pass their own);
 * the pages read them through the data cache (cached.ts), keyed by the visibility epoch
 * (lib/news/rules.ts) so a scheduled article appears at its time and never before.
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

export const listFields = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  summary: articles.summary,
  publishedAt: articles.publishedAt,
  columnName: newsColumns.name,
  columnSlug: newsColumns.slug,
};

export const coverFields = {
  coverFileId: files.id,
  coverWidth: files.width,
  coverHeight: files.height,
  coverType: files.contentType,
  coverSize: files.byteSize,
  coverCredit: articles.coverCredit,
};

// Only a public file makes a cover: a private one is never linked from a public page.
export const coverJoin = and(eq(files.id, articles.coverFileId), eq(files.visibility, "public"));

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

export function toNewsListItem<R extends CoverRow & { publishedAt: Date | null }>(
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
