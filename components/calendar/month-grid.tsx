import Link from "next/link";
import type { GridEvent } from "@/db/queries/events/calendar";
import { formatMonth, type GridDay } from "@/lib/calendar/month";
import { messages } from "@/lib/messages";
import { formatTime } from "@/lib/time";
import { dayLabel } from "./day-label";
import { kindStyles } from "./kind-style";

/** Chips shown in one day cell before "另有 N 场". */
const CHIPS_PER_DAY = 3;

/**
 * The month as a table, Monday first. On a desktop each day lists its first events as
 * chips and "另有 N 场" for the rest; on a phone the cells shrink to a day number with
 * coloured dots. Both lead to the day in the list view (`dayHref`), which holds every
 * event of the day in full (CSS only, no script).
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
    <table className="w-full table-fixed border-collapse overflow-hidden rounded-md bg-white text-left shadow-sm ring-1 ring-stone-300">
      <caption className="sr-only">
        {formatMonth(month)}
        {m.title}
      </caption>
      <thead>
        <tr className="bg-brand-700 text-white">
          {m.weekdays.map((short, i) => (
            <th
              key={short}
              scope="col"
              abbr={m.weekdayNames[i]}
              className={`py-2 text-center text-sm font-medium ${i >= 5 ? "bg-brand-800" : ""}`}
            >
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
                dayHref={dayHref(day.date)}
              />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
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
  dayHref: string;
}) {
  const m = messages.calendar;
  const weekend = day.weekday >= 6;
  const background = day.isToday
    ? "bg-gold-100"
    : !day.inMonth
      ? "bg-stone-100"
      : weekend
        ? "bg-brand-50/40"
        : "bg-white";
  const number = (
    <span
      className={`cal-num ${
        day.isToday
          ? "bg-brand-700 font-bold text-white"
          : day.inMonth
            ? "font-semibold text-ink"
            : "text-muted"
      }`}
    >
      {day.day}
    </span>
  );
  const todayNote = day.isToday && <span className="sr-only">（{m.today}）</span>;
  const hidden = events.length - CHIPS_PER_DAY;
  return (
    <td
      data-date={day.date}
      aria-current={day.isToday ? "date" : undefined}
      className={`cal-cell ${background}`}
    >
      <div className="flex items-center justify-between">
        {/* Phone: the number links to the day's events in the list view. */}
        {events.length > 0 && day.inMonth ? (
          <>
            <a
              href={dayHref}
              className="rounded-full hover:ring-2 hover:ring-brand-600 sm:hidden"
              aria-label={`${dayLabel(day.date)}，${m.eventsOnDay(events.length)}`}
            >
              {number}
            </a>
            <span className="hidden sm:inline">
              {number}
              {todayNote}
            </span>
          </>
        ) : (
          <span>
            {number}
            {todayNote}
          </span>
        )}
        {day.isToday && (
          <span className="hidden text-xs font-medium text-brand-800 lg:inline">{m.today}</span>
        )}
      </div>
      {events.length > 0 && (
        <>
          <div className="mt-1 flex flex-wrap justify-center gap-0.5 sm:hidden" aria-hidden="true">
            {events.slice(0, 6).map((event) => (
              <span
                key={event.id}
                className={`cal-dot ${
                  event.status === "cancelled" ? "bg-stone-400" : kindStyles[event.kind].dot
                }`}
              />
            ))}
          </div>
          <ul className="mt-1 hidden space-y-1 sm:block">
            {events.slice(0, CHIPS_PER_DAY).map((event) => (
              <li key={event.id}>
                <EventChip event={event} timeZone={timeZone} />
              </li>
            ))}
            {hidden > 0 && (
              <li>
                <Link href={dayHref} className="block px-1 text-xs text-brand-700 hover:underline">
                  {m.moreOnDay(hidden)}
                </Link>
              </li>
            )}
          </ul>
        </>
      )}
    </td>
  );
}

function EventChip({ event, timeZone }: { event: GridEvent; timeZone: string }) {
  const m = messages.calendar;
  const cancelled = event.status === "cancelled";
  const style = kindStyles[event.kind];
  return (
    <Link
      href={`/events/${event.id}`}
      title={cancelled ? `${m.cancelled}：${event.title}` : event.title}
      className={`cal-chip ${
        cancelled
          ? `bg-stone-100 text-stone-600 line-through ${style.chip.split(" ")[0]}`
          : style.chip
      }`}
    >
      {cancelled && <span className="sr-only">{m.cancelled}：</span>}
      <b>{formatTime(event.startsAt, timeZone)}</b> {event.title}
    </Link>
  );
}
