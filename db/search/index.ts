import { and, asc, eq, gt, isNotNull, notInArray, sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { SearchKind } from "@/lib/vocabulary";
import { richTextToPlainText } from "../../lib/rich-text/sanitize";
import {
  buildDocumentVector,
  markdownToPlainText,
  normalizeDocumentText,
} from "../../lib/search/tokenize";
import type * as schema from "../schema";
import { articles, events, searchDocuments, towns } from "../schema";

/** The database type of db/client.ts, spelt out: client.ts runs a data step that indexes. */
type Database = NodePgDatabase<typeof schema>;

/**
 * Keeps `search_documents` in step with the public content (docs/search.md):
 * - articles: every published one, scheduled ones included, searchable from their
 *   `publishedAt` (the query filters on `visibleFrom`); drafts are not in the index;
 * - events: every event, cancelled ones included (their page stays up and says so),
 *   searchable from their creation.
 * Call `indexArticle`/`indexEvent` after a write to one row, inside its transaction
 * when there is one; `rebuildSearchIndex` after bulk changes or a tokenizer change.
 */

/** A database or a transaction on it. */
export type SearchDb = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

const BATCH_SIZE = 250;

/** One public item as the index stores it (title and body normalised). */
export interface IndexRow {
  kind: SearchKind;
  refId: number;
  title: string;
  body: string;
  url: string;
  visibleFrom: Date;
  happenedAt: Date | null;
}

type ArticleSource = Pick<
  typeof articles.$inferSelect,
  "id" | "slug" | "title" | "summary" | "body" | "bodyFormat" | "status" | "publishedAt"
>;

type EventSource = Pick<
  typeof events.$inferSelect,
  "id" | "title" | "summary" | "body" | "venue" | "startsAt" | "createdAt"
> & { townName: string | null };

const articleColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  summary: articles.summary,
  body: articles.body,
  bodyFormat: articles.bodyFormat,
  status: articles.status,
  publishedAt: articles.publishedAt,
};

const eventColumns = {
  id: events.id,
  title: events.title,
  summary: events.summary,
  body: events.body,
  venue: events.venue,
  startsAt: events.startsAt,
  createdAt: events.createdAt,
  townName: towns.name,
};

const isIndexedArticle = and(eq(articles.status, "published"), isNotNull(articles.publishedAt));

function joinParts(parts: (string | null | undefined)[]): string {
  return normalizeDocumentText(parts.filter((p) => p && p.trim() !== "").join("\n"));
}

function articleRow(a: ArticleSource): IndexRow | null {
  if (a.status !== "published" || !a.publishedAt) return null;
  return {
    kind: "article",
    refId: a.id,
    title: normalizeDocumentText(a.title),
    // The words, never the tags.
    body: joinParts([
      a.summary,
      a.bodyFormat === "html" ? richTextToPlainText(a.body) : markdownToPlainText(a.body),
    ]),
    url: `/news/${encodeURIComponent(a.slug)}`,
    visibleFrom: a.publishedAt,
    happenedAt: a.publishedAt,
  };
}

function eventRow(e: EventSource): IndexRow {
  return {
    kind: "event",
    refId: e.id,
    title: normalizeDocumentText(e.title),
    // Place names too: "王江泾" finds the events held there.
    body: joinParts([e.summary, e.body, e.townName, e.venue]),
    url: `/events/${e.id}`,
    visibleFrom: e.createdAt,
    happenedAt: e.startsAt,
  };
}

/** Writes (or rewrites) the index entries of these items; every kind goes through here. */
export async function upsertRows(db: SearchDb, rows: IndexRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(searchDocuments)
    .values(
      rows.map((r) => ({
        ...r,
        tokens: sql`${buildDocumentVector(r.title, r.body)}::tsvector`,
      })),
    )
    .onConflictDoUpdate({
      target: [searchDocuments.kind, searchDocuments.refId],
      set: {
        title: sql`excluded.title`,
        body: sql`excluded.body`,
        url: sql`excluded.url`,
        visibleFrom: sql`excluded.visible_from`,
        happenedAt: sql`excluded.happened_at`,
        tokens: sql`excluded.tokens`,
      },
    });
}

export async function removeFromIndex(db: SearchDb, kind: SearchKind, refId: number) {
  await db
    .delete(searchDocuments)
    .where(and(eq(searchDocuments.kind, kind), eq(searchDocuments.refId, refId)));
}

/** After an article is created, edited, published, unpublished, rescheduled or deleted. */
export async function indexArticle(db: SearchDb, id: number): Promise<void> {
  const [article] = await db.select(articleColumns).from(articles).where(eq(articles.id, id));
  const row = article ? articleRow(article) : null;
  if (row) await upsertRows(db, [row]);
  else await removeFromIndex(db, "article", id);
}

/** After an event is created, edited, cancelled or deleted. */
export async function indexEvent(db: SearchDb, id: number): Promise<void> {
  const [event] = await db
    .select(eventColumns)
    .from(events)
    .leftJoin(towns, eq(towns.id, events.townId))
    .where(eq(events.id, id));
  if (event) await upsertRows(db, [eventRow(event)]);
  else await removeFromIndex(db, "event", id);
}

export interface RebuildResult {
  articles: number;
  events: number;
  removed: number;
}

/**
 * Indexes every public article and every event again, in batches, and removes rows
 * whose source is gone or no longer public. Other kinds (cases, opinions) are indexed
 * by their own modules when staff publish them, and are left alone here.
 */
export async function rebuildSearchIndex(db: SearchDb): Promise<RebuildResult> {
  let articleCount = 0;
  for (let after = 0; ; ) {
    const batch = await db
      .select(articleColumns)
      .from(articles)
      .where(and(isIndexedArticle, gt(articles.id, after)))
      .orderBy(asc(articles.id))
      .limit(BATCH_SIZE);
    if (batch.length === 0) break;
    await upsertRows(
      db,
      batch.map(articleRow).filter((r): r is IndexRow => r !== null),
    );
    articleCount += batch.length;
    after = batch[batch.length - 1]?.id ?? after;
  }

  let eventCount = 0;
  for (let after = 0; ; ) {
    const batch = await db
      .select(eventColumns)
      .from(events)
      .leftJoin(towns, eq(towns.id, events.townId))
      .where(gt(events.id, after))
      .orderBy(asc(events.id))
      .limit(BATCH_SIZE);
    if (batch.length === 0) break;
    await upsertRows(db, batch.map(eventRow));
    eventCount += batch.length;
    after = batch[batch.length - 1]?.id ?? after;
  }

  const staleArticles = await db
    .delete(searchDocuments)
    .where(
      and(
        eq(searchDocuments.kind, "article"),
        notInArray(
          searchDocuments.refId,
          db.select({ id: articles.id }).from(articles).where(isIndexedArticle),
        ),
      ),
    )
    .returning({ id: searchDocuments.id });
  const staleEvents = await db
    .delete(searchDocuments)
    .where(
      and(
        eq(searchDocuments.kind, "event"),
        notInArray(searchDocuments.refId, db.select({ id: events.id }).from(events)),
      ),
    )
    .returning({ id: searchDocuments.id });

  return {
    articles: articleCount,
    events: eventCount,
    removed: staleArticles.length + staleEvents.length,
  };
}
