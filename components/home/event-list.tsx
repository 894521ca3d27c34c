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
            <article className="flex gap-3 rounded-md border border-stone-200 bg-white p-3 shadow-sm">
              <time
                dateTime={event.startsAt.toISOString()}
                className="flex w-14 shrink-0 flex-col items-center justify-center rounded bg-brand-700 py-1.5 text-white"
              >
                {p.year !== thisYear && <span className="text-[10px] leading-none">{p.year}</span>}
                <span className="text-xs">{p.month}月</span>
                <span className="font-serif text-2xl font-bold leading-none">{p.day}</span>
                <span className="text-xs">{formatWeekday(event.startsAt, timeZone)}</span>
              </time>
              <div className="min-w-0 flex-1">
                <h3
                  className={`font-semibold leading-snug ${cancelled ? "text-muted line-through" : ""}`}
                >
                  <Link
                    href={`/events/${event.id}`}
                    className="hover:text-brand-700 hover:underline"
                  >
                    {event.title}
                  </Link>
                </h3>
                <p className="mt-1 text-sm text-muted">
                  {formatTime(event.startsAt, timeZone)}
                  {event.townName && <> · {event.townName}</>}
                  {event.venue && <> · {event.venue}</>}
                </p>
                <p className="mt-1.5 flex flex-wrap gap-1.5 text-xs">
                  <span className="rounded bg-gold-100 px-1.5 py-0.5 text-gold-700">{kind}</span>
                  {cancelled && (
                    <span className="rounded bg-stone-200 px-1.5 py-0.5 text-stone-700">
                      {messages.home.cancelled}
                    </span>
                  )}
                  {!cancelled && !ended && event.openToPublic && (
                    <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-emerald-800">
                      {messages.home.openToPublic}
                    </span>
                  )}
                  {event.organisers.slice(0, 3).map((name) => (
                    <span key={name} className="rounded bg-stone-100 px-1.5 py-0.5 text-stone-700">
                      {name}
                    </span>
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
