import { getEventDetail } from "@/db/queries/events/public";
import { getCommitteeInfo } from "@/db/queries/settings";
import { parseEventId } from "@/lib/calendar/query";
import { env } from "@/lib/env";
import { buildCalendar, icalHeaders } from "@/lib/ical";
import { messages } from "@/lib/messages";

/** One event as an .ics file to download into a calendar app. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const eventId = parseEventId((await params).id);
  const [committee, event] = await Promise.all([
    getCommitteeInfo(),
    eventId === null ? null : getEventDetail(eventId),
  ]);
  if (!event) {
    return new Response(messages.calendar.event.notFound, {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const body = buildCalendar([{ ...event, organisers: event.organisers.map((o) => o.name) }], {
    siteUrl: env.SITE_URL,
    timeZone: committee.timeZone,
    calendarName: `${committee.shortName} · ${event.title}`,
  });
  return new Response(body, { headers: icalHeaders(`event-${event.id}.ics`, "attachment") });
}
