import type { GridEvent } from "@/db/queries/events/calendar";
import { formatMonth, type GridDay } from "@/lib/calendar/month";
import { messages } from "@/lib/messages";
import { formatTime } from "@/lib/time";
import { dayLabel } from "./day-label";

/** Chips shown in one day cell before "另有 N 场". */
const CHIPS_PER_DAY = 3;

/**
 * The month as a table, Monday first. On a desktop each day lists its first events as
 * chips and "另有 N 场" for the rest; on a phone the same chips are drawn as coloured dots
 * (CSS only: `.cal-chip` in app/globals.css). The day's number leads to the day in the list
 * view (`dayHref`), which holds every event of the day in full.
 *
 * Every element here is sent twice (in the HTML and in the RSC payload) and rendered twice
 * on the server, for up to 42 days: so each day is a few plain elements with short classes
 * (no client `Link`, no prefetching of a hundred event pages, no props left undefined),
 * and the looks live in app/globals.css.
 */
export function MonthGrid({
  month,
  weeks,
  byDay,
  timeZone,
  dayHref,
}: {
  month: string;
  weeks: GridDay[][];
  byDay: Map<string, GridEvent[]>;
  timeZone: string;
  /** The day's events in the list view. */
  dayHref: (date: string) => string;
}) {
  const m = messages.calendar;
  return (
    <table className="cal">
      <caption className="sr-only">
        {formatMonth(month)}
        {m.title}
      </caption>
      <thead>
        <tr>
          {m.weekdays.map((short, i) => (
            <th key={short} scope="col" abbr={m.weekdayNames[i]}>
              <span className="sm:hidden">{short}</span>
              <span className="hidden sm:inline">{m.weekdayNames[i]}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]?.date}>
            {week.map((day) => (
              <DayCell
                key={day.date}
                day={day}
                events={byDay.get(day.date) ?? []}
                timeZone={timeZone}
                dayHref={dayHref}
              />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `o`: a day of the month before or after; `w`: a weekend; `t`: today. */
function cellClass(day: GridDay): string {
  if (day.isToday) return "cal-cell t";
  if (!day.inMonth) return "cal-cell o";
  return day.weekday >= 6 ? "cal-cell w" : "cal-cell";
}

function DayCell({
  day,
  events,
  timeZone,
  dayHref,
}: {
  day: GridDay;
  events: GridEvent[];
  timeZone: string;
  dayHref: (date: string) => string;
}) {
  const m = messages.calendar;
  const hidden = events.length - CHIPS_PER_DAY;
  const href = events.length > 0 && day.inMonth ? dayHref(day.date) : null;
  const today = day.isToday ? `，${m.today}` : "";
  return (
    <td
      data-date={day.date}
      className={cellClass(day)}
      {...(day.isToday && { "aria-current": "date" as const })}
    >
      {day.isToday && (
        <span className="cal-tag" aria-hidden="true">
          {m.today}
        </span>
      )}
      {href ? (
        <a
          href={href}
          className="cal-num"
          aria-label={`${dayLabel(day.date)}${today}，${m.eventsOnDay(events.length)}`}
        >
          {day.day}
        </a>
      ) : (
        <span className="cal-num">
          {day.day}
          {day.isToday && <span className="sr-only">（{m.today}）</span>}
        </span>
      )}
      {events.slice(0, CHIPS_PER_DAY).map((event) => (
        <EventChip key={event.id} event={event} timeZone={timeZone} />
      ))}
      {hidden > 0 && (
        <a href={dayHref(day.date)} className="cal-more">
          {m.moreOnDay(hidden)}
        </a>
      )}
    </td>
  );
}

function EventChip({ event, timeZone }: { event: GridEvent; timeZone: string }) {
  const cancelled = event.status === "cancelled";
  const m = messages.calendar;
  return (
    <a
      href={`/events/${event.id}`}
      title={cancelled ? `${m.cancelled}：${event.title}` : event.title}
      className={`cal-chip k-${event.kind}${cancelled ? " x" : ""}`}
    >
      {cancelled && <span className="sr-only">{m.cancelled}：</span>}
      <b>{formatTime(event.startsAt, timeZone)}</b> {event.title}
    </a>
  );
}
