import "server-only";
import { and, asc, desc, eq, gte, inArray, lte } from "drizzle-orm";
import { cachedQuery, cacheTags } from "../cache";
import type { Database } from "../client";
import { getDb } from "../runtime";
import { articles, type Campaign, campaigns, events, topics, towns } from "../schema";
import { type CalendarEvent, loadOrganisers, type Organiser } from "./calendar";
import { type CampaignFigures, countCampaignFigures } from "./campaigns";
import { isPublicArticle } from "./news";

export interface EventListItem {
  id: number;
  title: string;
  kind: (typeof events.$inferSelect)["kind"];
  serviceType: (typeof events.$inferSelect)["serviceType"];
  status: (typeof events.$inferSelect)["status"];
  startsAt: Date;
  endsAt: Date;
  venue: string;
  townName: string | null;
  openToPublic: boolean;
  organisers: string[];
}

/**
 * The campaign running on `today` ("YYYY-MM-DD", committee-local); else the next
 * one to start; else the latest that ended — so the home page always has one.
 */
export async function getCurrentCampaign(today: string): Promise<Campaign | null> {
  const db = await getDb();
  const [running] = await db
    .select()
    .from(campaigns)
    .where(and(lte(campaigns.startsOn, today), gte(campaigns.endsOn, today)))
    .orderBy(desc(campaigns.startsOn))
    .limit(1);
  if (running) return running;
  const [next] = await db
    .select()
    .from(campaigns)
    .where(gte(campaigns.startsOn, today))
    .orderBy(asc(campaigns.startsOn))
    .limit(1);
  if (next) return next;
  const [last] = await db.select().from(campaigns).orderBy(desc(campaigns.endsOn)).limit(1);
  return last ?? null;
}

/** Upcoming (or still running) events, soonest first, optionally of one campaign. */
export async function listUpcomingEvents(options: {
  limit: number;
  campaignId?: number;
  now?: Date;
}): Promise<EventListItem[]> {
  const db = await getDb();
  const now = options.now ?? new Date();
  const rows = await db
    .select({
      id: events.id,
      title: events.title,
      kind: events.kind,
      serviceType: events.serviceType,
      status: events.status,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      venue: events.venue,
      townName: towns.name,
      openToPublic: events.openToPublic,
    })
    .from(events)
    .leftJoin(towns, eq(towns.id, events.townId))
    .where(
      and(
        gte(events.endsAt, now),
        options.campaignId === undefined ? undefined : eq(events.campaignId, options.campaignId),
      ),
    )
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(options.limit);
  const organisers = await listOrganiserNames(rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, organisers: organisers.get(r.id) ?? [] }));
}

/** Organiser names of many events in one query (sectors and organisations, in their order). */
async function listOrganiserNames(eventIds: number[]): Promise<Map<number, string[]>> {
  const organisers = await loadOrganisers(await getDb(), eventIds);
  return new Map([...organisers].map(([id, list]) => [id, list.map((o) => o.name)]));
}

export type { CampaignFigures };

export async function getCampaignFigures(campaignId: number): Promise<CampaignFigures> {
  return countCampaignFigures(await getDb(), campaignId);
}

// ---------------------------------------------------------------------------
// An event's page: details, organisers, news reports

export interface EventDetail extends Omit<CalendarEvent, "organisers"> {
  body: string;
  capacity: number | null;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  campaign: { slug: string; name: string } | null;
  topic: { slug: string; name: string } | null;
  organisers: Organiser[];
}

export async function findEventDetail(db: Database, id: number): Promise<EventDetail | null> {
  const [row] = await db
    .select({
      id: events.id,
      title: events.title,
      summary: events.summary,
      body: events.body,
      kind: events.kind,
      serviceType: events.serviceType,
      status: events.status,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      venue: events.venue,
      townName: towns.name,
      townSlug: towns.slug,
      openToPublic: events.openToPublic,
      capacity: events.capacity,
      registrationOpensAt: events.registrationOpensAt,
      registrationClosesAt: events.registrationClosesAt,
      createdAt: events.createdAt,
      updatedAt: events.updatedAt,
      campaignSlug: campaigns.slug,
      campaignName: campaigns.name,
      topicSlug: topics.slug,
      topicName: topics.name,
    })
    .from(events)
    .leftJoin(towns, eq(towns.id, events.townId))
    .leftJoin(campaigns, eq(campaigns.id, events.campaignId))
    .leftJoin(topics, eq(topics.id, events.topicId))
    .where(eq(events.id, id))
    .limit(1);
  if (!row) return null;
  const { campaignSlug, campaignName, topicSlug, topicName, ...event } = row;
  const organisers = await loadOrganisers(db, [row.id]);
  return {
    ...event,
    campaign: campaignSlug && campaignName ? { slug: campaignSlug, name: campaignName } : null,
    topic: topicSlug && topicName ? { slug: topicSlug, name: topicName } : null,
    organisers: organisers.get(row.id) ?? [],
  };
}

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

export const getEventDetail = cachedQuery(
  async (id: number) => findEventDetail(await getDb(), id),
  ["event-detail"],
  { tags: [cacheTags.events, cacheTags.directory, cacheTags.campaigns] },
);

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
