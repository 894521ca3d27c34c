import "server-only";
import { and, asc, desc, eq, gt, gte, inArray, lt, or } from "drizzle-orm";
import { cachedQuery, cacheTags } from "@/db/cache";
import type { Database } from "@/db/client";
import { getDb } from "@/db/runtime";
import { campaigns, eventOrganisers, events, sectors, towns } from "@/db/schema";
import type { CalendarFilters } from "@/lib/calendar/query";
import { type CalendarEvent, eventListColumns, withOrganiserNames } from "./organisers";

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

/** An event as the month grid shows it: a chip (time, title, kind) on each of its days. */
export interface GridEvent {
  id: number;
  title: string;
  kind: CalendarEvent["kind"];
  status: CalendarEvent["status"];
  startsAt: Date;
  endsAt: Date;
}

/** The range and filters as conditions (on `events`, `towns` and `campaigns`). */
function rangeConditions(db: Database, options: EventRangeOptions) {
  const { from, to, filters } = options;
  return and(
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
  );
}

/** Events overlapping a range (or all, for a campaign), with the calendar's filters, by start. */
export async function listCalendarEvents(
  db: Database,
  options: EventRangeOptions,
): Promise<CalendarEvent[]> {
  const rows = await db
    .select({
      ...eventListColumns,
      summary: events.summary,
      townSlug: towns.slug,
      createdAt: events.createdAt,
      updatedAt: events.updatedAt,
    })
    .from(events)
    .leftJoin(towns, eq(towns.id, events.townId))
    .leftJoin(campaigns, eq(campaigns.id, events.campaignId))
    .where(rangeConditions(db, options))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(options.limit);
  return withOrganiserNames(db, rows);
}

/**
 * The same events with only what the month grid shows: one narrow query, no organisers
 * (the list view and the event pages name them). The town and campaign are joined only
 * when a filter needs them.
 */
export async function listGridEvents(
  db: Database,
  options: EventRangeOptions,
): Promise<GridEvent[]> {
  const { filters } = options;
  let query = db
    .select({
      id: events.id,
      title: events.title,
      kind: events.kind,
      status: events.status,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
    })
    .from(events)
    .$dynamic();
  if (filters.town) query = query.innerJoin(towns, eq(towns.id, events.townId));
  if (filters.campaign) query = query.innerJoin(campaigns, eq(campaigns.id, events.campaignId));
  return query
    .where(rangeConditions(db, options))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(options.limit);
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

/** `getCalendarEvents` with the grid's columns only (the month view). */
export const getGridEvents = cachedQuery(
  async (range: { from: string; to: string }, filters: CalendarFilters, limit: number) =>
    listGridEvents(await getDb(), {
      from: new Date(range.from),
      to: new Date(range.to),
      filters,
      limit,
    }),
  ["calendar-grid-events"],
  { tags: calendarTags },
);

export const getCalendarFilterOptions = cachedQuery(
  async () => listCalendarFilterOptions(await getDb()),
  ["calendar-filter-options"],
  { tags: [cacheTags.directory, cacheTags.campaigns] },
);
