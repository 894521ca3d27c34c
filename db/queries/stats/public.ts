import "server-only";
import { desc, type SQL, sql } from "drizzle-orm";
import type { PublicFigures, StatsFilters, StatsOptions, YearRow } from "@/lib/stats/types";
import { cachedQuery, cacheTags } from "../../cache";
import type { Database } from "../../client";
import { getDb } from "../../runtime";
import {
  campaigns,
  eventOrganisers,
  events,
  fieldNotes,
  noteTransitions,
  sectors,
  topics,
  towns,
} from "../../schema";
import type { Executor } from "../shared/write";

/**
 * Figures for the public /stats page and the staff dashboard, aggregated in SQL.
 *
 * - Events: held or planned (cancelled ones left out), counted once per sector that
 *   co-organises them, per kind and per town; the year is the local year of the start.
 * - Notes: submitted ones only (drafts are their authors' alone); the year is the local
 *   year of submission; a note belongs to a campaign through its event or its topic.
 * - Handling: of the notes staff adopted (accepted and beyond), the share answered or
 *   closed (办结率), and the median days from submission to the first answer or closing.
 */

/** Rows of a raw query, on either driver. */
export async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
export const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function localYear(column: SQL | typeof events.startsAt, timeZone: string): SQL {
  return sql`extract(year from (${column} at time zone ${timeZone}))::int`;
}

/**
 * The events counted, as a WHERE fragment on `events`: held ones (started by now, not
 * cancelled). An event still to come is not yet done, so a future year never shows up.
 */
function eventFilter(filters: StatsFilters, timeZone: string): SQL {
  return sql.join(
    [
      sql`${events.status} = 'scheduled'`,
      sql`${events.startsAt} <= now()`,
      filters.year === null
        ? sql`true`
        : sql`${localYear(sql`${events.startsAt}`, timeZone)} = ${filters.year}`,
      filters.campaignId === null ? sql`true` : sql`${events.campaignId} = ${filters.campaignId}`,
    ],
    sql` and `,
  );
}

/** The notes counted (submitted, in the year and campaign), as a WHERE on `n` (field_notes). */
export function noteFilter(filters: StatsFilters, timeZone: string): SQL {
  return sql.join(
    [
      sql`n.status <> 'draft' and n.submitted_at is not null`,
      filters.year === null
        ? sql`true`
        : sql`${localYear(sql`n.submitted_at`, timeZone)} = ${filters.year}`,
      filters.campaignId === null
        ? sql`true`
        : sql`(exists (select 1 from ${events} ce where ce.id = n.event_id and ce.campaign_id = ${filters.campaignId})
              or exists (select 1 from ${topics} ct where ct.id = n.topic_id and ct.campaign_id = ${filters.campaignId}))`,
    ],
    sql` and `,
  );
}

const ADOPTED = sql`('accepted', 'transferred', 'answered', 'closed')`;

export async function selectPublicFigures(
  db: Database,
  filters: StatsFilters,
  timeZone: string,
): Promise<PublicFigures> {
  const ev = eventFilter(filters, timeZone);
  const nf = noteFilter(filters, timeZone);
  const [total, bySector, byKind, byTown, byCategory, byStatus, handling, median, years] =
    await Promise.all([
      rows<{ n: unknown }>(db, sql`select count(*) as n from ${events} where ${ev}`),
      rows<{ key: string; name: string; n: unknown }>(
        db,
        sql`select s.slug as key, s.name as name, count(distinct ${events.id}) as n
          from ${sectors} s
          left join ${eventOrganisers} o on o.sector_id = s.id
          left join ${events} on ${events.id} = o.event_id and ${ev}
          group by s.id, s.slug, s.name, s.sort_order
          order by n desc, s.sort_order, s.id`,
      ),
      rows<{ key: string; n: unknown }>(
        db,
        sql`select ${events.kind} as key, count(*) as n from ${events} where ${ev} group by ${events.kind} order by n desc, key`,
      ),
      rows<{ key: string; name: string; n: unknown }>(
        db,
        sql`select t.slug as key, t.name as name, count(${events.id}) as n
          from ${towns} t
          left join ${events} on ${events.townId} = t.id and ${ev}
          group by t.id, t.slug, t.name, t.sort_order
          order by n desc, t.sort_order, t.id`,
      ),
      rows<{ key: string | null; n: unknown }>(
        db,
        sql`select n.category as key, count(*) as n from ${fieldNotes} n where ${nf} group by n.category order by n desc`,
      ),
      rows<{ key: string; n: unknown }>(
        db,
        sql`select n.status as key, count(*) as n from ${fieldNotes} n where ${nf} group by n.status`,
      ),
      rows<{ submitted: unknown; adopted: unknown; handled: unknown }>(
        db,
        sql`select count(*) as submitted,
                 count(*) filter (where n.status in ${ADOPTED}) as adopted,
                 count(*) filter (where n.status in ('answered', 'closed')) as handled
          from ${fieldNotes} n where ${nf}`,
      ),
      rows<{ days: unknown }>(
        db,
        sql`select percentile_cont(0.5) within group (order by extract(epoch from (f.at - n.submitted_at)) / 86400.0) as days
          from ${fieldNotes} n
          join (select note_id, min(created_at) as at from ${noteTransitions}
                where to_status in ('answered', 'closed') group by note_id) f on f.note_id = n.id
          where ${nf} and n.status in ('answered', 'closed')`,
      ),
      selectYearRows(db, filters, timeZone),
    ]);
  const h = handling[0];
  const adopted = num(h?.adopted);
  const handled = num(h?.handled);
  const days = numOrNull(median[0]?.days);
  return {
    eventsTotal: num(total[0]?.n),
    eventsBySector: bySector.map((r) => ({ key: r.key, name: r.name, value: num(r.n) })),
    eventsByKind: byKind.map((r) => ({ key: r.key, name: null, value: num(r.n) })),
    eventsByTown: byTown.map((r) => ({ key: r.key, name: r.name, value: num(r.n) })),
    notesByCategory: byCategory.map((r) => ({ key: r.key ?? "none", name: null, value: num(r.n) })),
    notesByStatus: byStatus.map((r) => ({ key: r.key, name: null, value: num(r.n) })),
    handling: {
      submitted: num(h?.submitted),
      adopted,
      handled,
      rate: adopted > 0 ? handled / adopted : null,
      medianDays: days === null ? null : Math.round(days * 10) / 10,
    },
    years,
  };
}

/** Per local year: events, submitted notes, adopted and handled (the campaign filter applies; the year filter does not). */
async function selectYearRows(
  db: Database,
  filters: StatsFilters,
  timeZone: string,
): Promise<YearRow[]> {
  const all = { ...filters, year: null };
  const ev = eventFilter(all, timeZone);
  const nf = noteFilter(all, timeZone);
  const [eventYears, noteYears] = await Promise.all([
    rows<{ year: unknown; n: unknown }>(
      db,
      sql`select ${localYear(sql`${events.startsAt}`, timeZone)} as year, count(*) as n from ${events} where ${ev} group by 1`,
    ),
    rows<{ year: unknown; n: unknown; adopted: unknown; handled: unknown }>(
      db,
      sql`select ${localYear(sql`n.submitted_at`, timeZone)} as year, count(*) as n,
                 count(*) filter (where n.status in ${ADOPTED}) as adopted,
                 count(*) filter (where n.status in ('answered', 'closed')) as handled
          from ${fieldNotes} n where ${nf} group by 1`,
    ),
  ]);
  const byYear = new Map<number, YearRow>();
  const row = (year: number) => {
    let r = byYear.get(year);
    if (!r) {
      r = { year, events: 0, notes: 0, adopted: 0, handled: 0 };
      byYear.set(year, r);
    }
    return r;
  };
  for (const e of eventYears) row(num(e.year)).events = num(e.n);
  for (const n of noteYears) {
    const r = row(num(n.year));
    r.notes = num(n.n);
    r.adopted = num(n.adopted);
    r.handled = num(n.handled);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** The choices of the filter form: campaigns (newest first) and the years with data. */
export async function selectStatsOptions(db: Database, timeZone: string): Promise<StatsOptions> {
  const [campaignRows, yearRows] = await Promise.all([
    db
      .select({
        id: campaigns.id,
        slug: campaigns.slug,
        name: campaigns.name,
        year: campaigns.year,
      })
      .from(campaigns)
      .orderBy(desc(campaigns.startsOn)),
    rows<{ year: unknown }>(
      db,
      sql`select distinct ${localYear(sql`${events.startsAt}`, timeZone)} as year from ${events}
          where ${events.startsAt} <= now()
          union
          select distinct ${localYear(sql`submitted_at`, timeZone)} from ${fieldNotes} where submitted_at is not null
          order by 1 desc`,
    ),
  ]);
  return { campaigns: campaignRows, years: yearRows.map((r) => num(r.year)).filter((y) => y > 0) };
}

// ---------------------------------------------------------------------------------------
// On the server's database

/** Cache tag of the public figures: every staff move of a note refreshes it (moderation.ts). */
export const STATS_TAG = cacheTags.stats;

// Staff moves, event and directory edits refresh the figures at once; a member's new
// submission shows within the entry's lifetime (five minutes), so that a busy day of
// filing does not empty the page cache with every note.
const cachedPublicFigures = cachedQuery(
  async (year: number | null, campaignId: number | null, timeZone: string) =>
    selectPublicFigures(await getDb(), { year, campaignId }, timeZone),
  ["stats:public"],
  {
    tags: [STATS_TAG, cacheTags.events, cacheTags.directory, cacheTags.campaigns],
    revalidateSeconds: 300,
  },
);

const cachedOptions = cachedQuery(
  async (timeZone: string) => selectStatsOptions(await getDb(), timeZone),
  ["stats:options"],
  { tags: [cacheTags.events, cacheTags.campaigns], revalidateSeconds: 300 },
);

export function getPublicFigures(filters: StatsFilters, timeZone: string): Promise<PublicFigures> {
  return cachedPublicFigures(filters.year, filters.campaignId, timeZone);
}

export function getStatsOptions(timeZone: string): Promise<StatsOptions> {
  return cachedOptions(timeZone);
}
