import "server-only";
import { cachedQuery, cacheTags } from "@/db/cache";
import type { Campaign } from "@/db/schema";
import { stillRunning } from "@/lib/events/upcoming";
import { type CampaignFigures, getCampaignFigures, getCurrentCampaign } from "./campaigns";
import type { EventListItem } from "./organisers";
import { listUpcomingEvents } from "./public";

/** The home page's events: the campaign on show, its figures, the next events. */
export interface HomeEvents {
  campaign: Campaign | null;
  figures: CampaignFigures | null;
  upcoming: EventListItem[];
}

const UPCOMING = 6;

async function loadHomeEvents(today: string, asOf: string): Promise<HomeEvents> {
  const now = new Date(asOf);
  const campaign = await getCurrentCampaign(today);
  const [figures, campaignEvents] = campaign
    ? await Promise.all([
        getCampaignFigures(campaign.id),
        listUpcomingEvents({ limit: UPCOMING, campaignId: campaign.id, now }),
      ])
    : [null, []];
  // When the campaign has nothing left to come, show whatever is next on the calendar.
  const upcoming =
    campaignEvents.length > 0 ? campaignEvents : await listUpcomingEvents({ limit: UPCOMING, now });
  return { campaign, figures, upcoming };
}

const cachedHomeEvents = cachedQuery(loadHomeEvents, ["events:home"], {
  tags: [cacheTags.events, cacheTags.campaigns, cacheTags.directory],
});

/**
 * The same through the data cache (tagged events, campaigns, directory: a saved event
 * refreshes it), computed once a minute: the home page asked for four queries a request.
 * An event that ended since the minute began is left out on the way back, so the list
 * never shows one that is over.
 */
export async function getHomeEvents(today: string, now = new Date()): Promise<HomeEvents> {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const events = await cachedHomeEvents(today, minute.toISOString());
  return { ...events, upcoming: stillRunning(events.upcoming, now) };
}
