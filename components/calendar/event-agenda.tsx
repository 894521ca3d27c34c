import Link from "next/link";
import type { CalendarEvent } from "@/db/queries/events/organisers";
import type { EventReport } from "@/db/queries/news/event-reports";
import { messages } from "@/lib/messages";
import { formatTimeRange } from "@/lib/time";
import { dayLabel } from "./day-label";
import { EventBadges } from "./event-badges";

/**
 * Events grouped by local day: the list view, the phone agenda under the month
 * grid, and a campaign's programme. Days are h3, events h4.
 */
export function EventAgenda({
  days,
  timeZone,
  idPrefix,
  reports,
  showYear = false,
}: {
  days: [string, CalendarEvent[]][];
  timeZone: string;
  /** Prefix of each day's anchor id (`${idPrefix}-2026-05-08`). */
  idPrefix: string;
  /** Published reports by event, linked beside the event. */
  reports?: Map<number, EventReport>;
  showYear?: boolean;
}) {
  return (
    <div className="space-y-6">
      {days.map(([date, items]) => {
        const headingId = `${idPrefix}-${date}`;
        return (
          <section key={date} aria-labelledby={headingId} className="scroll-mt-4">
            <h3
              id={headingId}
              className="flex items-baseline gap-2 border-b border-stone-300 pb-1.5 font-serif text-lg font-bold text-brand-800"
            >
              <time dateTime={date}>{dayLabel(date, showYear)}</time>
              <span className="font-sans text-sm font-normal text-muted">
                {messages.calendar.eventsOnDay(items.length)}
              </span>
            </h3>
            <ol className="divide-y divide-stone-200">
              {items.map((event) => (
                <AgendaItem
                  key={event.id}
                  event={event}
                  timeZone={timeZone}
                  report={reports?.get(event.id)}
                />
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}

function AgendaItem({
  event,
  timeZone,
  report,
}: {
  event: CalendarEvent;
  timeZone: string;
  report?: EventReport;
}) {
  const cancelled = event.status === "cancelled";
  return (
    <li className="flex flex-col gap-1 py-3 sm:flex-row sm:gap-5">
      <p className="shrink-0 text-sm font-semibold tabular-nums text-brand-700 sm:w-32 sm:pt-0.5">
        <time dateTime={event.startsAt.toISOString()}>
          {formatTimeRange(event.startsAt, event.endsAt, timeZone)}
        </time>
      </p>
      <div className="min-w-0 flex-1">
        <h4 className={`text-[17px] font-semibold leading-snug ${cancelled ? "text-muted" : ""}`}>
          <Link
            href={`/events/${event.id}`}
            className={`hover:text-brand-700 hover:underline ${cancelled ? "line-through" : ""}`}
          >
            {event.title}
          </Link>
        </h4>
        {(event.townName || event.venue) && (
          <p className="mt-0.5 text-sm text-muted">
            {[event.townName, event.venue].filter(Boolean).join(" · ")}
          </p>
        )}
        <div className="mt-1.5 flex flex-wrap items-center gap-1.5 text-xs">
          <EventBadges
            kind={event.kind}
            serviceType={event.serviceType}
            status={event.status}
            openToPublic={event.openToPublic}
            startsAt={event.startsAt}
          />
          {event.organisers.length > 0 && (
            <span className="text-muted">{event.organisers.join("、")}</span>
          )}
        </div>
        {report && (
          <p className="mt-1.5 text-sm">
            <Link href={`/news/${report.slug}`} className="text-brand-700 hover:underline">
              {messages.calendar.campaign.report}：{report.title}
            </Link>
          </p>
        )}
      </div>
    </li>
  );
}
