import Link from "next/link";
import type { EventListItem } from "@/db/queries/events/organisers";
import { messages } from "@/lib/messages";
import { formatTime, formatWeekday, localParts } from "@/lib/time";

export function EventList({
  items,
  timeZone,
  emptyText,
}: {
  items: EventListItem[];
  timeZone: string;
  emptyText: string;
}) {
  if (items.length === 0) return <p className="text-muted">{emptyText}</p>;
  const now = new Date();
  const thisYear = localParts(now, timeZone).year;
  return (
    <ol className="space-y-3">
      {items.map((event) => {
        const p = localParts(event.startsAt, timeZone);
        const cancelled = event.status === "cancelled";
        const ended = event.endsAt < now;
        const kind = event.serviceType
          ? messages.serviceTypes[event.serviceType]
          : messages.eventKinds[event.kind];
        return (
          <li key={event.id}>
            <article className="event-card">
              <time dateTime={event.startsAt.toISOString()} className="event-date">
                {p.year !== thisYear && <span className="event-date-year">{p.year}</span>}
                <span className="text-xs">{p.month}月</span>
                <span className="event-date-day">{p.day}</span>
                <span className="text-xs">{formatWeekday(event.startsAt, timeZone)}</span>
              </time>
              <div className="min-w-0 flex-1">
                <h3 className={cancelled ? "event-card-title cancelled" : "event-card-title"}>
                  <Link href={`/events/${event.id}`}>{event.title}</Link>
                </h3>
                <p className="event-card-meta">
                  {formatTime(event.startsAt, timeZone)}
                  {event.townName && <> · {event.townName}</>}
                  {event.venue && <> · {event.venue}</>}
                </p>
                <p className="event-card-tags">
                  <span className="kind">{kind}</span>
                  {cancelled && <span className="cancelled">{messages.home.cancelled}</span>}
                  {!cancelled && !ended && event.openToPublic && (
                    <span className="open">{messages.home.openToPublic}</span>
                  )}
                  {event.organisers.slice(0, 3).map((name) => (
                    <span key={name}>{name}</span>
                  ))}
                </p>
              </div>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
