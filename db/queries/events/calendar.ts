import "server-only";
import { and, asc, desc, eq, gt, gte, inArray, lt, or } from "drizzle-orm";
import type { CalendarFilters } from "@/lib/calendar";
import type { OrganisationKind } from "@/lib/vocabulary";
import { cachedQuery, cacheTags } from "../cache";
import type { Database } from "../client";
import { getDb } from "../runtime";
import { campaigns, eventOrganisers, events, organisations, sectors, towns } from "../schema";
import type { EventListItem } from "./events";

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

/** Longest event the range query looks back for (keeps the start index useful). */
const MAX_EVENT_DAYS = 62;
const DAY_MS = 86_400_000;

export interface EventRangeOptions {
  /** Events still running at or after this instant … */
  from?: Date;
  /** … and starting before this one. */
  to?: Date;
  filters: CalendarFilters;
  limit: number;
}

/** Events overlapping a range (or all, for a campaign), with the calendar's filters, by start. */
export async function listCalendarEvents(
  db: Database,
  options: EventRangeOptions,
): Promise<CalendarEvent[]> {
  const { from, to, filters } = options;
  const conditions = [
    to ? lt(events.startsAt, to) : undefined,
    from
      ? and(
          gte(events.startsAt, new Date(from.getTime() - MAX_EVENT_DAYS * DAY_MS)),
          or(gt(events.endsAt, from), gte(events.startsAt, from)),
        )
      : undefined,
    filters.kind ? eq(events.kind, filters.kind) : undefined,
    filters.service ? eq(events.serviceType, filters.service) : undefined,
    filters.town ? eq(towns.slug, filters.town) : undefined,
    filters.campaign ? eq(campaigns.slug, filters.campaign) : undefined,
    filters.sector
      ? inArray(
          events.id,
          db
            .select({ id: eventOrganisers.eventId })
            .from(eventOrganisers)
            .innerJoin(sectors, eq(sectors.id, eventOrganisers.sectorId))
            .where(eq(sectors.slug, filters.sector)),
        )
      : undefined,
  ];
  const rows = await db
    .select({
      id: events.id,
      title: events.title,
      summary: events.summary,
      kind: events.kind,
      serviceType: events.serviceType,
      status: events.status,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      venue: events.venue,
      townName: towns.name,
      townSlug: towns.slug,
      openToPublic: events.openToPublic,
      createdAt: events.createdAt,
      updatedAt: events.updatedAt,
    })
    .from(events)
    .leftJoin(towns, eq(towns.id, events.townId))
    .leftJoin(campaigns, eq(campaigns.id, events.campaignId))
    .where(and(...conditions))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(options.limit);
  const organisers = await loadOrganisers(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    organisers: (organisers.get(r.id) ?? []).map((o) => o.name),
  }));
}

/** Organisers of many events in one query, each event's in their given order. */
export async function loadOrganisers(
  db: Database,
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

export interface FilterOption {
  slug: string;
  name: string;
}

export interface CampaignOption extends FilterOption {
  startsOn: string;
  endsOn: string;
}

export interface CalendarFilterOptions {
  sectors: FilterOption[];
  towns: FilterOption[];
  campaigns: CampaignOption[];
}

export async function listCalendarFilterOptions(db: Database): Promise<CalendarFilterOptions> {
  const [sectorRows, townRows, campaignRows] = await Promise.all([
    db
      .select({ slug: sectors.slug, name: sectors.name })
      .from(sectors)
      .orderBy(asc(sectors.sortOrder), asc(sectors.id)),
    db
      .select({ slug: towns.slug, name: towns.name })
      .from(towns)
      .orderBy(asc(towns.sortOrder), asc(towns.id)),
    db
      .select({
        slug: campaigns.slug,
        name: campaigns.name,
        startsOn: campaigns.startsOn,
        endsOn: campaigns.endsOn,
      })
      .from(campaigns)
      .orderBy(desc(campaigns.startsOn), desc(campaigns.id)),
  ]);
  return { sectors: sectorRows, towns: townRows, campaigns: campaignRows };
}

// ---------------------------------------------------------------------------
// Cached reads for the public pages: refreshed by tag when events, the directory,
// campaigns or news change.

/** Most events one month grid or list shows. */
export const MONTH_EVENT_LIMIT = 500;
/** Most events one iCal feed carries. */
export const FEED_EVENT_LIMIT = 2000;

const calendarTags = [cacheTags.events, cacheTags.directory, cacheTags.campaigns];

/** Range as ISO strings: they are part of the cache key. */
export const getCalendarEvents = cachedQuery(
  async (range: { from?: string; to?: string }, filters: CalendarFilters, limit: number) =>
    listCalendarEvents(await getDb(), {
      from: range.from ? new Date(range.from) : undefined,
      to: range.to ? new Date(range.to) : undefined,
      filters,
      limit,
    }),
  ["calendar-events"],
  { tags: calendarTags },
);

export const getCalendarFilterOptions = cachedQuery(
  async () => listCalendarFilterOptions(await getDb()),
  ["calendar-filter-options"],
  { tags: [cacheTags.directory, cacheTags.campaigns] },
);
