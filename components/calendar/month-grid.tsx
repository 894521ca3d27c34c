import type { GridEvent } from "@/db/queries/events/calendar";
import { formatMonth, type GridDay, monthOf } from "@/lib/calendar/month";
import { messages } from "@/lib/messages";
import { formatTime } from "@/lib/time";
import { type GridCell, MonthTable } from "./month-table";

/** Chips shown in one day cell before "另有 N 场". */
const CHIPS_PER_DAY = 3;

function cellOf(day: GridDay, events: GridEvent[], timeZone: string): GridCell {
  const cell: GridCell = { date: day.date };
  if (day.isToday) cell.tone = "t";
  else if (!day.inMonth) cell.tone = "o";
  else if (day.weekday >= 6) cell.tone = "w";
  if (events.length === 0) return cell;
  cell.chips = events.slice(0, CHIPS_PER_DAY).map((event) => ({
    id: event.id,
    kind: event.kind,
    time: formatTime(event.startsAt, timeZone),
    title: event.title,
    ...(event.status === "cancelled" && { cancelled: true as const }),
  }));
  if (day.inMonth) cell.linked = events.length;
  if (events.length > CHIPS_PER_DAY) cell.more = events.length - CHIPS_PER_DAY;
  return cell;
}

/**
 * The month grid: each day's first events as chips, the rest behind "另有 N 场", every day
 * leading to itself in the list view (`listHref(month)`, for the grid's adjacent months
 * too). Shapes the days into the compact cells that MonthTable draws.
 */
export function MonthGrid({
  month,
  weeks,
  byDay,
  timeZone,
  listHref,
}: {
  month: string;
  weeks: GridDay[][];
  byDay: Map<string, GridEvent[]>;
  timeZone: string;
  /** The list view of a month ("2026-05"). */
  listHref: (month: string) => string;
}) {
  const months = new Set(weeks.flat().map((day) => monthOf(day.date)));
  return (
    <MonthTable
      caption={`${formatMonth(month)}${messages.calendar.title}`}
      weeks={weeks.map((week) =>
        week.map((day) => cellOf(day, byDay.get(day.date) ?? [], timeZone)),
      )}
      listHrefs={Object.fromEntries([...months].map((m) => [m, listHref(m)]))}
    />
  );
}
