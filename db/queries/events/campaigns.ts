import "server-only";
import { and, asc, desc, eq, gte, lte } from "drizzle-orm";
import { cachedQuery, cacheTags } from "@/db/cache";
import type { Database } from "@/db/client";
import { getDb } from "@/db/runtime";
import { type Campaign, campaigns, eventOrganisers, events } from "@/db/schema";
import { listCalendarEvents } from "./calendar";
import type { CalendarEvent } from "./organisers";

/** Campaigns (活动周, 月): the one running now, its figures, its programme. */

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

export interface CampaignFigures {
  events: number;
  sectors: number;
  towns: number;
}

/** Events held (not cancelled), and the distinct sectors and towns they involved. */
export async function countCampaignFigures(
  db: Database,
  campaignId: number,
): Promise<CampaignFigures> {
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

export async function getCampaignFigures(campaignId: number): Promise<CampaignFigures> {
  return countCampaignFigures(await getDb(), campaignId);
}

export async function findCampaignBySlug(db: Database, slug: string): Promise<Campaign | null> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.slug, slug)).limit(1);
  return row ?? null;
}

/** Most events a campaign page lists. */
const CAMPAIGN_EVENT_LIMIT = 500;

export interface CampaignProgramme {
  campaign: Campaign;
  figures: CampaignFigures;
  events: CalendarEvent[];
}

export async function findCampaignProgramme(
  db: Database,
  slug: string,
): Promise<CampaignProgramme | null> {
  const campaign = await findCampaignBySlug(db, slug);
  if (!campaign) return null;
  const [figures, programme] = await Promise.all([
    countCampaignFigures(db, campaign.id),
    listCalendarEvents(db, { filters: { campaign: slug }, limit: CAMPAIGN_EVENT_LIMIT }),
  ]);
  return { campaign, figures, events: programme };
}

export const getCampaignProgramme = cachedQuery(
  async (slug: string) => findCampaignProgramme(await getDb(), slug),
  ["campaign-programme"],
  { tags: [cacheTags.campaigns, cacheTags.events, cacheTags.directory] },
);
