import "server-only";
import { and, eq } from "drizzle-orm";
import { cachedQuery, cacheTags } from "../cache";
import type { Database } from "../client";
import { getDb } from "../runtime";
import { type Campaign, campaigns, eventOrganisers, events } from "../schema";
import { type CalendarEvent, listCalendarEvents } from "./calendar";

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
