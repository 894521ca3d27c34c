import "server-only";
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  type EventListItem,
  eventListColumns,
  withOrganiserNames,
} from "@/db/queries/events/organisers";
import type { NewsListItem } from "@/db/queries/news/public";
import { listSectorNewsIn } from "@/db/queries/news/sector-news";
import {
  eventOrganisers,
  events,
  files,
  organisationSectors,
  organisations,
  sectors,
  towns,
} from "@/db/schema";
import {
  type DirectoryContact,
  type DirectoryPhoto,
  photoAndContact,
  photoAndContactFields,
  photoJoin,
} from "./photo-columns";

/**
 * The directory: sectors, member studios, towns and their liaison offices.
 * Each query takes the database, so integration tests can run it on their own;
 * the pages call the cached wrappers of ./cached.ts.
 */

export interface SectorLink {
  slug: string;
  name: string;
}

export interface SectorSummary extends SectorLink {
  description: string;
  address: string | null;
  photo: DirectoryPhoto | null;
  contact: DirectoryContact;
}

export interface SectorCard extends SectorSummary {
  studioCount: number;
  /** End times of the sector's scheduled events not yet over when this was read. */
  upcomingEventEnds: Date[];
}

export type { DirectoryContact, DirectoryPhoto };

export interface StudioSummary {
  slug: string;
  name: string;
  description: string;
  address: string | null;
  town: { slug: string; name: string } | null;
  sectors: SectorLink[];
  photo: DirectoryPhoto | null;
  contact: DirectoryContact;
}

/** A timeline as read at some instant: events still to come and events already over. */
export interface EventTimeline {
  upcoming: EventListItem[];
  past: EventListItem[];
}

export interface SectorDetail extends EventTimeline {
  sector: SectorSummary;
  news: NewsListItem[];
  studios: StudioSummary[];
}

export interface StudioDetail extends EventTimeline {
  studio: StudioSummary;
}

export interface TownEntry {
  slug: string;
  name: string;
  kind: "town" | "subdistrict";
  address: string | null;
  photo: DirectoryPhoto | null;
  contact: DirectoryContact;
  liaisonOffices: {
    slug: string;
    name: string;
    address: string | null;
    photo: DirectoryPhoto | null;
    contact: DirectoryContact;
  }[];
  studios: { slug: string; name: string }[];
}

const LIMITS = { upcoming: 8, past: 6, news: 6 } as const;

const isActiveStudio = and(eq(organisations.kind, "studio"), eq(organisations.active, true));

export async function listSectorCards(db: Database, now: Date): Promise<SectorCard[]> {
  const [rows, studioCounts, upcoming] = await Promise.all([
    db
      .select(sectorColumns)
      .from(sectors)
      .leftJoin(files, photoJoin(sectors))
      .orderBy(asc(sectors.sortOrder), asc(sectors.id)),
    db
      .select({ sectorId: organisationSectors.sectorId, studios: count() })
      .from(organisationSectors)
      .innerJoin(organisations, eq(organisations.id, organisationSectors.organisationId))
      .where(isActiveStudio)
      .groupBy(organisationSectors.sectorId),
    db
      .selectDistinct({
        sectorId: eventOrganisers.sectorId,
        eventId: events.id,
        endsAt: events.endsAt,
      })
      .from(eventOrganisers)
      .innerJoin(events, eq(events.id, eventOrganisers.eventId))
      .where(
        and(
          isNotNull(eventOrganisers.sectorId),
          gte(events.endsAt, now),
          eq(events.status, "scheduled"),
        ),
      ),
  ]);
  const studios = new Map(studioCounts.map((r) => [r.sectorId, r.studios]));
  const ends = groupBy(upcoming, (r) => r.sectorId ?? 0);
  return rows.map((row) => ({
    ...sectorSummary(row),
    studioCount: studios.get(row.id) ?? 0,
    upcomingEventEnds: (ends.get(row.id) ?? []).map((r) => r.endsAt),
  }));
}

export async function getSectorDetail(
  db: Database,
  slug: string,
  now: Date,
): Promise<SectorDetail | null> {
  const [row] = await db
    .select(sectorColumns)
    .from(sectors)
    .leftJoin(files, photoJoin(sectors))
    .where(eq(sectors.slug, slug))
    .limit(1);
  if (!row) return null;
  const organisedBySector = inArray(
    events.id,
    db
      .select({ id: eventOrganisers.eventId })
      .from(eventOrganisers)
      .where(eq(eventOrganisers.sectorId, row.id)),
  );
  const servingStudioIds = db
    .select({ id: organisationSectors.organisationId })
    .from(organisationSectors)
    .where(eq(organisationSectors.sectorId, row.id));
  const [timeline, news, studios] = await Promise.all([
    readTimeline(db, organisedBySector, now),
    listSectorNewsIn(db, row.id, now, LIMITS.news),
    readStudios(db, inArray(organisations.id, servingStudioIds)),
  ]);
  return {
    sector: sectorSummary(row),
    ...timeline,
    news,
    studios,
  };
}

export function listStudios(db: Database): Promise<StudioSummary[]> {
  return readStudios(db);
}

export async function getStudioDetail(
  db: Database,
  slug: string,
  now: Date,
): Promise<StudioDetail | null> {
  const [studio] = await readStudios(db, eq(organisations.slug, slug));
  if (!studio) return null;
  const organisedByStudio = inArray(
    events.id,
    db
      .select({ id: eventOrganisers.eventId })
      .from(eventOrganisers)
      .innerJoin(organisations, eq(organisations.id, eventOrganisers.organisationId))
      .where(eq(organisations.slug, slug)),
  );
  return { studio, ...(await readTimeline(db, organisedByStudio, now)) };
}

/** Towns in their order, each with its liaison office(s) and the studios located there. */
export async function listTownsWithOffices(db: Database): Promise<TownEntry[]> {
  const [townRows, bodies] = await Promise.all([
    db
      .select({
        id: towns.id,
        slug: towns.slug,
        name: towns.name,
        kind: towns.kind,
        address: towns.address,
        ...photoAndContactFields(towns),
      })
      .from(towns)
      .leftJoin(files, photoJoin(towns))
      .orderBy(asc(towns.sortOrder), asc(towns.id)),
    db
      .select({
        townId: organisations.townId,
        kind: organisations.kind,
        slug: organisations.slug,
        name: organisations.name,
        address: organisations.address,
        ...photoAndContactFields(organisations),
      })
      .from(organisations)
      .leftJoin(files, photoJoin(organisations))
      .where(
        and(
          inArray(organisations.kind, ["liaison_office", "studio"]),
          eq(organisations.active, true),
          isNotNull(organisations.townId),
        ),
      )
      .orderBy(asc(organisations.sortOrder), asc(organisations.id)),
  ]);
  const byTown = groupBy(bodies, (b) => b.townId ?? 0);
  return townRows.map((town) => {
    const here = byTown.get(town.id) ?? [];
    return {
      slug: town.slug,
      name: town.name,
      kind: town.kind,
      address: town.address,
      ...photoAndContact(town),
      liaisonOffices: here
        .filter((b) => b.kind === "liaison_office")
        .map((b) => ({ slug: b.slug, name: b.name, address: b.address, ...photoAndContact(b) })),
      studios: here.filter((b) => b.kind === "studio").map(({ slug, name }) => ({ slug, name })),
    };
  });
}

/**
 * Moves events that ended since the timeline was read (it may come from the cache)
 * from `upcoming` to `past`, so a page never shows a finished event as coming.
 */
export function settleTimeline(timeline: EventTimeline, now: Date): EventTimeline {
  const over = timeline.upcoming.filter((e) => e.endsAt < now);
  if (over.length === 0) return timeline;
  const past = [...over, ...timeline.past]
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || b.id - a.id)
    .slice(0, LIMITS.past);
  return { upcoming: timeline.upcoming.filter((e) => e.endsAt >= now), past };
}

/** How many of a sector's events are still to come at `now`. */
export function countUpcoming(card: SectorCard, now: Date): number {
  return card.upcomingEventEnds.filter((end) => end >= now).length;
}

// ---- shared readers ----

const sectorColumns = {
  id: sectors.id,
  slug: sectors.slug,
  name: sectors.name,
  description: sectors.description,
  address: sectors.address,
  ...photoAndContactFields(sectors),
};

function sectorSummary(
  row: {
    slug: string;
    name: string;
    description: string;
    address: string | null;
  } & Parameters<typeof photoAndContact>[0],
): SectorSummary {
  const { slug, name, description, address } = row;
  return { slug, name, description, address, ...photoAndContact(row) };
}

async function readStudios(db: Database, where?: SQL): Promise<StudioSummary[]> {
  const rows = await db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      description: organisations.description,
      address: organisations.address,
      townSlug: towns.slug,
      townName: towns.name,
      ...photoAndContactFields(organisations),
    })
    .from(organisations)
    .leftJoin(towns, eq(towns.id, organisations.townId))
    .leftJoin(files, photoJoin(organisations))
    .where(and(isActiveStudio, where))
    .orderBy(asc(organisations.sortOrder), asc(organisations.id));
  if (rows.length === 0) return [];
  const served = await db
    .select({
      organisationId: organisationSectors.organisationId,
      slug: sectors.slug,
      name: sectors.name,
    })
    .from(organisationSectors)
    .innerJoin(sectors, eq(sectors.id, organisationSectors.sectorId))
    .where(
      inArray(
        organisationSectors.organisationId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(sectors.sortOrder), asc(sectors.id));
  const sectorsOf = groupBy(served, (s) => s.organisationId);
  return rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    description: r.description,
    address: r.address,
    town: r.townSlug && r.townName ? { slug: r.townSlug, name: r.townName } : null,
    sectors: (sectorsOf.get(r.id) ?? []).map(({ slug, name }) => ({ slug, name })),
    ...photoAndContact(r),
  }));
}

/** The events matching `which`: the next ones still to come and the latest ones over. */
async function readTimeline(db: Database, which: SQL, now: Date): Promise<EventTimeline> {
  const select = () =>
    db.select(eventListColumns).from(events).leftJoin(towns, eq(towns.id, events.townId));
  const [upcoming, past] = await Promise.all([
    select()
      .where(and(which, gte(events.endsAt, now)))
      .orderBy(asc(events.startsAt), asc(events.id))
      .limit(LIMITS.upcoming),
    select()
      .where(and(which, lt(events.endsAt, now)))
      .orderBy(desc(events.startsAt), desc(events.id))
      .limit(LIMITS.past),
  ]);
  const named = await withOrganiserNames(db, [...upcoming, ...past]);
  return { upcoming: named.slice(0, upcoming.length), past: named.slice(upcoming.length) };
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
