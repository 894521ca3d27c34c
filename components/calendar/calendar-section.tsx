import Link from "next/link";
import type { GridEvent } from "@/db/queries/events/calendar";
import type { CalendarEvent } from "@/db/queries/events/organisers";
import {
  buildMonthGrid,
  eventsInRange,
  groupEventsByDay,
  monthOf,
  monthRange,
} from "@/lib/calendar/month";
import { type CalendarQuery, calendarHref, type FilterLabels } from "@/lib/calendar/query";
import { messages } from "@/lib/messages";
import { ActiveFilters } from "./active-filters";
import { CalendarToolbar } from "./calendar-toolbar";
import { EventAgenda } from "./event-agenda";
import { KindLegend } from "./kind-legend";
import { MonthGrid } from "./month-grid";

const m = messages.calendar;

/** What the view shows: the grid needs a few columns of each event, the list all of them. */
export type ShownEvents =
  | { view: "month"; events: GridEvent[] }
  | { view: "list"; events: CalendarEvent[] };

/**
 * The calendar of one month: toolbar, the filters in force, and the events as a month grid
 * or as a list grouped by day. The grid shows a few events a day and links each day (and
 * its "另有 N 场") to that day in the list, so no event's markup is rendered twice; on a
 * phone the cells shrink to dots and the day number is the link. `shown.events` covers
 * what the view shows (the whole grid, adjacent days included); the count is the month's.
 */
export function CalendarSection({
  query,
  month,
  today,
  shown,
  labels,
  timeZone,
}: {
  query: CalendarQuery;
  month: string;
  today: string;
  shown: ShownEvents;
  labels: FilterLabels;
  timeZone: string;
}) {
  const count = eventsInRange<GridEvent>(shown.events, monthRange(month, timeZone)).length;
  return (
    <section aria-labelledby="calendar-month-title" className="space-y-3">
      <CalendarToolbar
        query={query}
        month={month}
        currentMonth={monthOf(today)}
        titleId="calendar-month-title"
      />
      <ActiveFilters query={query} month={month} labels={labels} count={count} />
      {shown.view === "month" ? (
        <>
          <MonthGrid
            month={month}
            weeks={buildMonthGrid(month, today)}
            byDay={groupEventsByDay(shown.events, timeZone, { spanDays: true })}
            timeZone={timeZone}
            listHref={(shown) => calendarHref({ ...query, view: "list", month: shown })}
          />
          <KindLegend />
          {count === 0 ? (
            <EmptyMonth />
          ) : (
            <p className="text-sm sm:hidden">
              <Link
                href={calendarHref({ ...query, view: "list", month })}
                className="text-brand-700 underline"
              >
                {m.monthAgenda}
              </Link>
            </p>
          )}
        </>
      ) : (
        <MonthList month={month} events={shown.events} timeZone={timeZone} />
      )}
    </section>
  );
}

function MonthList({
  month,
  events,
  timeZone,
}: {
  month: string;
  events: CalendarEvent[];
  timeZone: string;
}) {
  const inMonth = eventsInRange(events, monthRange(month, timeZone));
  const days = [...groupEventsByDay(inMonth, timeZone, { spanDays: true })].filter(
    ([date]) => monthOf(date) === month,
  );
  if (days.length === 0) return <EmptyMonth />;
  return (
    <div className="rounded-md bg-white p-4 shadow-sm ring-1 ring-stone-200 sm:p-6">
      <EventAgenda days={days} timeZone={timeZone} idPrefix="list" />
    </div>
  );
}

function EmptyMonth() {
  return (
    <div className="rounded-md border border-dashed border-stone-400 bg-white px-4 py-8 text-center">
      <p className="font-medium">{m.empty}</p>
      <p className="mt-1 text-sm text-muted">{m.emptyHint}</p>
    </div>
  );
}
