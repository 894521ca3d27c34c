"use client";

import { calendarGridMessages as m } from "@/lib/messages/calendar-grid";
import type { EventKind } from "@/lib/vocabulary";

/** One event as the grid shows it: its time already on the committee's wall clock. */
export interface GridChip {
  id: number;
  kind: EventKind;
  time: string;
  title: string;
  cancelled?: true;
}

/** One day of the grid; fields left out are the common case (none, false, 0). */
export interface GridCell {
  /** "YYYY-MM-DD" */
  date: string;
  /** `o`: a day of the month before or after; `w`: a weekend; `t`: today. */
  tone?: "o" | "w" | "t";
  /** The first events of the day. */
  chips?: GridChip[];
  /** How many events the day has in all, when its number leads to them. */
  linked?: number;
  /** Events of the day beyond the chips. */
  more?: number;
}

/**
 * The month as a table, Monday first, drawn from compact data. A client component so that
 * the RSC payload carries each event as a few fields instead of its element tree (a busy
 * month is a hundred chips, and a server component's elements are all sent twice). It has
 * no state and no effects: the HTML works as it is without JavaScript.
 *
 * On a desktop each day lists its first events as chips and "另有 N 场" for the rest; on a
 * phone the same chips are drawn as coloured dots (CSS: `.cal-chip` in app/globals.css).
 * The day's number leads to the day in the list view (`listHrefs`, by month).
 */
export function MonthTable({
  caption,
  weeks,
  listHrefs,
}: {
  caption: string;
  weeks: GridCell[][];
  listHrefs: Record<string, string>;
}) {
  return (
    <table className="cal">
      <caption className="sr-only">{caption}</caption>
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
            {week.map((cell, i) => (
              <DayCell
                key={cell.date}
                cell={cell}
                weekday={m.weekdayNames[i] ?? ""}
                dayHref={`${listHrefs[cell.date.slice(0, 7)] ?? ""}#list-${cell.date}`}
              />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DayCell({ cell, weekday, dayHref }: { cell: GridCell; weekday: string; dayHref: string }) {
  const [, month, day] = cell.date.split("-").map(Number);
  const today = cell.tone === "t";
  return (
    <td
      data-date={cell.date}
      className={cell.tone ? `cal-cell ${cell.tone}` : "cal-cell"}
      aria-current={today ? "date" : undefined}
    >
      {today && (
        <span className="cal-tag" aria-hidden="true">
          {m.today}
        </span>
      )}
      {cell.linked ? (
        <a
          href={dayHref}
          className="cal-num"
          aria-label={`${month}月${day}日 ${weekday}${today ? `，${m.today}` : ""}，${m.eventsOnDay(cell.linked)}`}
        >
          {day}
        </a>
      ) : (
        <span className="cal-num">
          {day}
          {today && <span className="sr-only">（{m.today}）</span>}
        </span>
      )}
      {cell.chips?.map((chip) => (
        <a
          key={chip.id}
          href={`/events/${chip.id}`}
          title={chip.cancelled ? `${m.cancelled}：${chip.title}` : chip.title}
          className={`cal-chip k-${chip.kind}${chip.cancelled ? " x" : ""}`}
        >
          {chip.cancelled && <span className="sr-only">{m.cancelled}：</span>}
          <b>{chip.time}</b>
          {` ${chip.title}`}
        </a>
      ))}
      {cell.more ? (
        <a href={dayHref} className="cal-more">
          {m.moreOnDay(cell.more)}
        </a>
      ) : null}
    </td>
  );
}
