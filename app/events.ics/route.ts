import {
  FEED_EVENT_LIMIT,
  getCalendarEvents,
  getCalendarFilterOptions,
} from "@/db/queries/events/calendar";
import { getCommitteeInfo } from "@/db/queries/settings";
import { monthRange } from "@/lib/calendar/month";
import { dropUnknownSlugs, filterLabels, parseCalendarQuery } from "@/lib/calendar/query";
import { env } from "@/lib/env";
import { buildCalendar, icalHeaders } from "@/lib/ical";
import { messages } from "@/lib/messages";
import { addDays, localDateKey, zonedInstant } from "@/lib/time";

/** How far back a subscription without a month or campaign reaches. */
const LOOKBACK_DAYS = 365;
/** Calendar apps poll a subscription about this often. */
const REFRESH_SECONDS = 3600;

/**
 * A subscribable feed of the calendar's filters (`/events.ics?sector=…&service=…`).
 * A filter that is malformed or names nothing gets a 404 rather than a feed of every
 * event, so that a subscriber's calendar never floods after a typo or a renamed sector.
 */
export async function GET(request: Request) {
  const m = messages.calendar;
  const parsed = parseCalendarQuery(new URL(request.url).searchParams);
  const [committee, options] = await Promise.all([getCommitteeInfo(), getCalendarFilterOptions()]);
  const known = dropUnknownSlugs(parsed.query.filters, {
    sectors: new Set(options.sectors.map((s) => s.slug)),
    towns: new Set(options.towns.map((t) => t.slug)),
    campaigns: new Set(options.campaigns.map((c) => c.slug)),
  });
  // The view does not apply to a feed; anything else not understood does.
  const ignored = [...parsed.ignored, ...known.ignored].filter((i) => i.param !== "view");
  if (ignored.length > 0) {
    const list = ignored.map((i) => `${m.paramNames[i.param]}“${i.value}”`).join("、");
    return new Response(`${m.feedInvalid}${list}`, {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }

  const { filters, month } = parsed.query;
  const timeZone = committee.timeZone;
  // A whole campaign, one month, or (keyed by day, so it caches) the last year onwards.
  const range = month
    ? monthRange(month, timeZone)
    : filters.campaign
      ? null
      : {
          from: zonedInstant(
            addDays(localDateKey(new Date(), timeZone), -LOOKBACK_DAYS),
            "00:00",
            timeZone,
          ),
          to: undefined,
        };
  const events = await getCalendarEvents(
    { from: range?.from.toISOString(), to: range?.to?.toISOString() },
    filters,
    FEED_EVENT_LIMIT,
  );
  const name = [
    `${committee.shortName}${m.ical.allEvents}`,
    ...Object.values(filterLabels(filters, options)),
  ];
  const body = buildCalendar(events, {
    siteUrl: env.SITE_URL,
    timeZone,
    calendarName: name.join(" · "),
    description: committee.name,
    refreshSeconds: REFRESH_SECONDS,
  });
  return new Response(body, { headers: icalHeaders("events.ics", "inline") });
}
