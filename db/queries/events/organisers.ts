import "server-only";
import { asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/queries/shared/write";
import { eventOrganisers, events, organisations, sectors, towns } from "@/db/schema";
import type { OrganisationKind } from "@/lib/vocabulary";

/**
 * What every event read shares: the row shapes of an event in a list, and its organisers.
 * The calendar, the campaign programme, the event page, the directory's timelines and the
 * home page all build on this module (and it on none of them), so they form no cycle.
 */

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

/** The columns of an EventListItem but its organisers (join `towns` on the event's town). */
export const eventListColumns = {
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
};

/** Events matching `where` as list items, soonest first, with their organisers' names. */
export async function listEventItems(
  db: Executor,
  where: SQL | undefined,
  limit: number,
): Promise<EventListItem[]> {
  const rows = await db
    .select(eventListColumns)
    .from(events)
    .leftJoin(towns, eq(towns.id, events.townId))
    .where(where)
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(limit);
  return withOrganiserNames(db, rows);
}

/** An event as the calendar, its feeds and the campaign programme show it. */
export interface CalendarEvent extends EventListItem {
  summary: string;
  townSlug: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Organiser {
  name: string;
  kind: "sector" | OrganisationKind;
  slug: string;
  /** Sectors and studios have public pages; other organisers are named only. */
  href: string | null;
}

/** Organisers of many events in one query, each event's in their given order. */
export async function loadOrganisers(
  db: Executor,
  eventIds: number[],
): Promise<Map<number, Organiser[]>> {
  const result = new Map<number, Organiser[]>();
  if (eventIds.length === 0) return result;
  const rows = await db
    .select({
      eventId: eventOrganisers.eventId,
      sectorName: sectors.name,
      sectorSlug: sectors.slug,
      organisationName: organisations.name,
      organisationSlug: organisations.slug,
      organisationKind: organisations.kind,
    })
    .from(eventOrganisers)
    .leftJoin(sectors, eq(sectors.id, eventOrganisers.sectorId))
    .leftJoin(organisations, eq(organisations.id, eventOrganisers.organisationId))
    .where(inArray(eventOrganisers.eventId, eventIds))
    .orderBy(asc(eventOrganisers.eventId), asc(eventOrganisers.sortOrder), asc(eventOrganisers.id));
  for (const row of rows) {
    const organiser = toOrganiser(row);
    if (!organiser) continue;
    const list = result.get(row.eventId);
    if (list) list.push(organiser);
    else result.set(row.eventId, [organiser]);
  }
  return result;
}

/** Rows of events with their organisers' names attached (sectors and organisations, in order). */
export async function withOrganiserNames<T extends { id: number }>(
  db: Executor,
  rows: T[],
): Promise<(T & { organisers: string[] })[]> {
  const organisers = await loadOrganisers(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, organisers: (organisers.get(r.id) ?? []).map((o) => o.name) }));
}

function toOrganiser(row: {
  sectorName: string | null;
  sectorSlug: string | null;
  organisationName: string | null;
  organisationSlug: string | null;
  organisationKind: OrganisationKind | null;
}): Organiser | null {
  if (row.sectorName && row.sectorSlug) {
    return {
      name: row.sectorName,
      kind: "sector",
      slug: row.sectorSlug,
      href: `/sectors/${row.sectorSlug}`,
    };
  }
  if (row.organisationName && row.organisationSlug && row.organisationKind) {
    return {
      name: row.organisationName,
      kind: row.organisationKind,
      slug: row.organisationSlug,
      href: row.organisationKind === "studio" ? `/studios/${row.organisationSlug}` : null,
    };
  }
  return null;
}
