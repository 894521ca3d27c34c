import "server-only";
import { and, eq, gte, inArray } from "drizzle-orm";
import { cachedQuery, cacheTags } from "@/db/cache";
import type { Database } from "@/db/client";
import type { Executor } from "@/db/queries/shared/write";
import { getDb } from "@/db/runtime";
import { campaigns, events, topics, towns } from "@/db/schema";
import {
  type CalendarEvent,
  type EventListItem,
  eventListColumns,
  listEventItems,
  loadOrganisers,
  type Organiser,
} from "./organisers";

/**
 * The public's reads of events: the home page's next events and an event's page. (The news
 * reports of events are news: db/queries/news/event-reports.ts.)
 */

/** Upcoming (or still running) events, soonest first, optionally of one campaign. */
export async function listUpcomingEvents(options: {
  limit: number;
  campaignId?: number;
  now?: Date;
}): Promise<EventListItem[]> {
  const db = await getDb();
  const now = options.now ?? new Date();
  return listEventItems(
    db,
    and(
      gte(events.endsAt, now),
      options.campaignId === undefined ? undefined : eq(events.campaignId, options.campaignId),
    ),
    options.limit,
  );
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
      ...eventListColumns,
      summary: events.summary,
      body: events.body,
      townSlug: towns.slug,
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

export const getEventDetail = cachedQuery(
  async (id: number) => findEventDetail(await getDb(), id),
  ["event-detail"],
  { tags: [cacheTags.events, cacheTags.directory, cacheTags.campaigns] },
);

/** Which of these events were called off (search results say so). */
export async function listCancelledEventIds(db: Executor, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: events.id })
    .from(events)
    .where(and(inArray(events.id, ids), eq(events.status, "cancelled")));
  return new Set(rows.map((r) => r.id));
}
