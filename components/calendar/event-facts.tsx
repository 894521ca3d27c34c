import Link from "next/link";
import type { EventDetail } from "@/db/queries/events/public";
import { calendarHref } from "@/lib/calendar/query";
import { messages } from "@/lib/messages";
import { formatDate, formatTimeRange, formatWeekday, localDateKey } from "@/lib/time";
import { OrganiserList } from "./organiser-list";
import { CalendarIcon } from "./subscribe-links";

/** When, where, who: the facts box of an event page, with its .ics download. */
export function EventFacts({ event, timeZone }: { event: EventDetail; timeZone: string }) {
  const m = messages.calendar.event;
  const sameDay = localDateKey(event.startsAt, timeZone) === localDateKey(event.endsAt, timeZone);
  return (
    <section
      aria-labelledby="event-facts-title"
      className="rounded-md border border-stone-300 bg-white shadow-sm"
    >
      <h2 id="event-facts-title" className="sr-only">
        {m.time}、{m.place}、{m.organisers}
      </h2>
      <dl className="divide-y divide-stone-200">
        <Fact label={m.time}>
          <time dateTime={event.startsAt.toISOString()} className="block">
            {sameDay && (
              <span className="block font-semibold">
                {formatDate(event.startsAt, timeZone)} {formatWeekday(event.startsAt, timeZone)}
              </span>
            )}
            <span className={sameDay ? "block text-lg font-semibold text-brand-700" : "block"}>
              {formatTimeRange(event.startsAt, event.endsAt, timeZone)}
            </span>
          </time>
          <span className="text-xs text-muted">{m.timeZoneNote(timeZone)}</span>
        </Fact>
        <Fact label={m.place}>
          {event.venue && <span className="block font-semibold">{event.venue}</span>}
          {event.townName && <span className="block">{event.townName}</span>}
          {event.townName && event.townSlug && (
            <Link
              href={calendarHref({ filters: { town: event.townSlug } })}
              className="text-sm text-brand-700 hover:underline"
            >
              {m.moreInTown(event.townName)}
              <span aria-hidden="true"> ›</span>
            </Link>
          )}
        </Fact>
        {event.organisers.length > 0 && (
          <Fact label={m.organisers}>
            <OrganiserList organisers={event.organisers} />
          </Fact>
        )}
        {event.campaign && (
          <Fact label={m.campaign}>
            <Link
              href={`/campaigns/${event.campaign.slug}`}
              className="font-medium text-brand-700 hover:underline"
            >
              {event.campaign.name}
            </Link>
          </Fact>
        )}
        {event.topic && <Fact label={m.topic}>{event.topic.name}</Fact>}
      </dl>
      <div className="border-t border-stone-200 p-4">
        <a
          href={`/events/${event.id}/event.ics`}
          download={`event-${event.id}.ics`}
          className="inline-flex w-full items-center justify-center gap-2 rounded border border-brand-700 bg-white px-4 py-2.5 font-medium text-brand-700 hover:bg-brand-50"
        >
          <CalendarIcon />
          {m.download}
        </a>
        <p className="mt-1.5 text-center text-sm text-muted">{m.downloadHint}</p>
      </div>
    </section>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[4.5rem_minmax(0,1fr)] gap-2 px-4 py-3">
      <dt className="pt-0.5 text-sm font-medium text-muted">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}
