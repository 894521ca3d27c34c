import "server-only";
import { and, asc, desc, eq, gte, inArray, lte } from "drizzle-orm";
import { getDb } from "../runtime";
import {
  type Campaign,
  campaigns,
  eventOrganisers,
  events,
  organisations,
  sectors,
  towns,
} from "../schema";

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
  const result = new Map<number, string[]>();
  if (eventIds.length === 0) return result;
  const db = await getDb();
  const rows = await db
    .select({
      eventId: eventOrganisers.eventId,
      sectorName: sectors.name,
      organisationName: organisations.name,
    })
    .from(eventOrganisers)
    .leftJoin(sectors, eq(sectors.id, eventOrganisers.sectorId))
    .leftJoin(organisations, eq(organisations.id, eventOrganisers.organisationId))
    .where(inArray(eventOrganisers.eventId, eventIds))
    .orderBy(asc(eventOrganisers.eventId), asc(eventOrganisers.sortOrder), asc(eventOrganisers.id));
  for (const row of rows) {
    const name = row.sectorName ?? row.organisationName;
    if (!name) continue;
    const list = result.get(row.eventId) ?? [];
    list.push(name);
    result.set(row.eventId, list);
  }
  return result;
}

export interface CampaignFigures {
  events: number;
  sectors: number;
  towns: number;
}

export async function getCampaignFigures(campaignId: number): Promise<CampaignFigures> {
  const db = await getDb();
  const rows = await db
    .select({ id: events.id, townId: events.townId, sectorId: eventOrganisers.sectorId })
    .from(events)
    .leftJoin(eventOrganisers, eq(eventOrganisers.eventId, events.id))
    .where(and(eq(events.campaignId, campaignId), eq(events.status, "scheduled")));
  const ids = new Set<number>();
  const sectorIds = new Set<number>();
  const townIds = new Set<number>();
  for (const r of rows) {
    ids.add(r.id);
    if (r.sectorId !== null) sectorIds.add(r.sectorId);
    if (r.townId !== null) townIds.add(r.townId);
  }
  return { events: ids.size, sectors: sectorIds.size, towns: townIds.size };
}
