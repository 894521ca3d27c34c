import "server-only";
import { and, asc, inArray } from "drizzle-orm";
import { cachedQuery, cacheTags } from "@/db/cache";
import type { Database } from "@/db/client";
import { getDb } from "@/db/runtime";
import { articles } from "@/db/schema";
import { isPublicArticle } from "./public";

/** The news reports of events, as an event's page and a campaign's programme link them. */

export interface EventReport {
  eventId: number;
  slug: string;
  title: string;
  summary: string;
  publishedAt: Date;
}

/** News reports of these events that the public may read now, oldest first. */
export async function listEventReports(
  db: Database,
  eventIds: number[],
  now: Date,
): Promise<EventReport[]> {
  if (eventIds.length === 0) return [];
  const rows = await db
    .select({
      eventId: articles.eventId,
      slug: articles.slug,
      title: articles.title,
      summary: articles.summary,
      publishedAt: articles.publishedAt,
    })
    .from(articles)
    .where(and(inArray(articles.eventId, eventIds), isPublicArticle(now)))
    .orderBy(asc(articles.publishedAt), asc(articles.id));
  return rows.flatMap((r) =>
    r.eventId !== null && r.publishedAt !== null
      ? [{ ...r, eventId: r.eventId, publishedAt: r.publishedAt }]
      : [],
  );
}

/**
 * Reports as the public may see them at `asOf` (an ISO instant, part of the cache key).
 * Callers pass the current minute (`reportsAsOf`): a scheduled report never shows early,
 * and at most a minute late.
 */
export const getEventReports = cachedQuery(
  async (eventIds: number[], asOf: string) =>
    listEventReports(await getDb(), eventIds, new Date(asOf)),
  ["event-reports"],
  { tags: [cacheTags.news, cacheTags.events] },
);

/** The start of the current minute, as the key of cached report lists. */
export function reportsAsOf(now = new Date()): string {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
}
