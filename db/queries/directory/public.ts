import "server-only";
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, type SQL } from "drizzle-orm";
import { cache } from "react";
import { cachedQuery, cacheTags } from "../cache";
import type { Database } from "../client";
import { getDb } from "../runtime";
import {
  articleSectors,
  articles,
  eventOrganisers,
  events,
  newsColumns,
  organisationSectors,
  organisations,
  sectors,
  towns,
} from "../schema";
import { loadOrganisers } from "./calendar";
import type { EventListItem } from "./events";
import { type ArticleListItem, isPublicArticle } from "./news";

/**
 * The directory: sectors, member studios, towns and their liaison offices.
 * Each query takes the database, so integration tests can run it on their own;
 * the pages call the cached wrappers at the bottom.
 */

export interface SectorLink {
  slug: string;
  name: string;
}

export interface SectorSummary extends SectorLink {
  description: string;
}

export interface SectorCard extends SectorSummary {
  studioCount: number;
  /** End times of the sector's scheduled events not yet over when this was read. */
  upcomingEventEnds: Date[];
}

export interface StudioSummary {
  slug: string;
  name: string;
  description: string;
  address: string | null;
  town: { slug: string; name: string } | null;
  sectors: SectorLink[];
}

/** A timeline as read at some instant: events still to come and events already over. */
export interface EventTimeline {
  upcoming: EventListItem[];
  past: EventListItem[];
}

export interface SectorDetail extends EventTimeline {
  sector: SectorSummary;
  news: ArticleListItem[];
  studios: StudioSummary[];
}

export interface StudioDetail extends EventTimeline {
  studio: StudioSummary;
}

export interface TownEntry {
  slug: string;
  name: string;
  kind: "town" | "subdistrict";
  liaisonOffices: { slug: string; name: string; address: string | null }[];
  studios: { slug: string; name: string }[];
}

const LIMITS = { upcoming: 8, past: 6, news: 6 } as const;

const isActiveStudio = and(eq(organisations.kind, "studio"), eq(organisations.active, true));

export async function listSectorCards(db: Database, now: Date): Promise<SectorCard[]> {
  const [rows, studioCounts, upcoming] = await Promise.all([
    db
      .select({
        id: sectors.id,
        slug: sectors.slug,
        name: sectors.name,
        description: sectors.description,
      })
      .from(sectors)
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
  return rows.map(({ id, ...sector }) => ({
    ...sector,
    studioCount: studios.get(id) ?? 0,
    upcomingEventEnds: (ends.get(id) ?? []).map((r) => r.endsAt),
  }));
}

export async function getSectorDetail(
  db: Database,
  slug: string,
  now: Date,
): Promise<SectorDetail | null> {
  const [row] = await db
    .select({
      id: sectors.id,
      slug: sectors.slug,
      name: sectors.name,
      description: sectors.description,
    })
    .from(sectors)
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
    db
      .select({
        id: articles.id,
        slug: articles.slug,
        title: articles.title,
        summary: articles.summary,
        publishedAt: articles.publishedAt,
        columnName: newsColumns.name,
        columnSlug: newsColumns.slug,
      })
      .from(articles)
      .innerJoin(articleSectors, eq(articleSectors.articleId, articles.id))
      .innerJoin(newsColumns, eq(newsColumns.id, articles.columnId))
      .where(and(eq(articleSectors.sectorId, row.id), isPublicArticle(now)))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(LIMITS.news),
    readStudios(db, inArray(organisations.id, servingStudioIds)),
  ]);
  const { id: _id, ...sector } = row;
  return {
    sector,
    ...timeline,
    news: news.map((a) => ({ ...a, publishedAt: a.publishedAt ?? now })),
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
      .select({ id: towns.id, slug: towns.slug, name: towns.name, kind: towns.kind })
      .from(towns)
      .orderBy(asc(towns.sortOrder), asc(towns.id)),
    db
      .select({
        townId: organisations.townId,
        kind: organisations.kind,
        slug: organisations.slug,
        name: organisations.name,
        address: organisations.address,
      })
      .from(organisations)
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
  return townRows.map(({ id, ...town }) => {
    const here = byTown.get(id) ?? [];
    return {
      ...town,
      liaisonOffices: here
        .filter((b) => b.kind === "liaison_office")
        .map(({ slug, name, address }) => ({ slug, name, address })),
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
    })
    .from(organisations)
    .leftJoin(towns, eq(towns.id, organisations.townId))
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
  }));
}

const eventColumns = {
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

/** The events matching `which`: the next ones still to come and the latest ones over. */
async function readTimeline(db: Database, which: SQL, now: Date): Promise<EventTimeline> {
  const select = () =>
    db.select(eventColumns).from(events).leftJoin(towns, eq(towns.id, events.townId));
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
  const organisers = await loadOrganisers(
    db,
    [...upcoming, ...past].map((e) => e.id),
  );
  const withNames = (e: (typeof upcoming)[number]): EventListItem => ({
    ...e,
    organisers: (organisers.get(e.id) ?? []).map((o) => o.name),
  });
  return { upcoming: upcoming.map(withNames), past: past.map(withNames) };
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

// ---- cached reads for the public pages ----
// A cached result carries the instant it was read at; pages settle it against their
// own `now` (settleTimeline, countUpcoming), so a stale entry never shows a past
// event as coming. Detail lookups check the slug against the cached list first, so
// made-up slugs never fill the cache.

const directoryTags = [cacheTags.directory];
const withEvents = [cacheTags.directory, cacheTags.events];

const cachedSectorCards = cachedQuery(
  async () => listSectorCards(await getDb(), new Date()),
  ["directory", "sector-cards"],
  { tags: withEvents },
);
const cachedSectorDetail = cachedQuery(
  async (slug: string) => getSectorDetail(await getDb(), slug, new Date()),
  ["directory", "sector-detail"],
  { tags: [...withEvents, cacheTags.news] },
);
const cachedStudios = cachedQuery(
  async () => listStudios(await getDb()),
  ["directory", "studios"],
  {
    tags: directoryTags,
  },
);
const cachedStudioDetail = cachedQuery(
  async (slug: string) => getStudioDetail(await getDb(), slug, new Date()),
  ["directory", "studio-detail"],
  { tags: withEvents },
);
const cachedTowns = cachedQuery(
  async () => listTownsWithOffices(await getDb()),
  ["directory", "towns"],
  { tags: directoryTags },
);

/** React's cache dedupes the reads of generateMetadata and the page within one request. */
export const loadSectorCards = cache(() => cachedSectorCards());
export const loadStudios = cache(() => cachedStudios());
export const loadTowns = cache(() => cachedTowns());

export const loadSectorDetail = cache(async (slug: string): Promise<SectorDetail | null> => {
  const known = (await loadSectorCards()).some((s) => s.slug === slug);
  return known ? cachedSectorDetail(slug) : null;
});

export const loadStudioDetail = cache(async (slug: string): Promise<StudioDetail | null> => {
  const known = (await loadStudios()).some((s) => s.slug === slug);
  return known ? cachedStudioDetail(slug) : null;
});
