import type { CalendarEvent } from "@/db/queries/events/organisers";
import {
  buildMonthGrid,
  eventsInRange,
  groupEventsByDay,
  monthOf,
  monthRange,
} from "@/lib/calendar/month";
import type { CalendarQuery, FilterLabels } from "@/lib/calendar/query";
import { messages } from "@/lib/messages";
import { ActiveFilters } from "./active-filters";
import { CalendarToolbar } from "./calendar-toolbar";
import { EventAgenda } from "./event-agenda";
import { KindLegend } from "./kind-legend";
import { MonthGrid } from "./month-grid";

const m = messages.calendar;

/**
 * The calendar of one month: toolbar, the filters in force, and the events as a month grid
 * (with a day-by-day agenda on small screens) or as a list. `events` covers what the view
 * shows (the whole grid, adjacent days included); the counts and the list are the month's.
 */
export function CalendarSection({
  query,
  month,
  today,
  events,
  labels,
  timeZone,
}: {
  query: CalendarQuery;
  month: string;
  today: string;
  events: CalendarEvent[];
  labels: FilterLabels;
  timeZone: string;
}) {
  const inMonth = eventsInRange(events, monthRange(month, timeZone));
  const monthDays = [...groupEventsByDay(inMonth, timeZone, { spanDays: true })].filter(
    ([date]) => monthOf(date) === month,
  );
  return (
    <section aria-labelledby="calendar-month-title" className="space-y-3">
      <CalendarToolbar
        query={query}
        month={month}
        currentMonth={monthOf(today)}
        titleId="calendar-month-title"
      />
      <ActiveFilters query={query} month={month} labels={labels} count={inMonth.length} />
      {query.view === "month" ? (
        <>
          <MonthGrid
            month={month}
            weeks={buildMonthGrid(month, today)}
            byDay={groupEventsByDay(events, timeZone, { spanDays: true })}
            timeZone={timeZone}
            query={query}
            agendaIdPrefix="agenda"
          />
          <KindLegend />
          {inMonth.length === 0 && <EmptyMonth />}
          {monthDays.length > 0 && (
            <section aria-labelledby="agenda-title" className="pt-2 sm:hidden">
              <h2 id="agenda-title" className="mb-2 font-serif text-xl font-bold text-brand-800">
                {m.monthAgenda}
              </h2>
              <EventAgenda days={monthDays} timeZone={timeZone} idPrefix="agenda" />
            </section>
          )}
        </>
      ) : monthDays.length > 0 ? (
        <div className="rounded-md bg-white p-4 shadow-sm ring-1 ring-stone-200 sm:p-6">
          <EventAgenda days={monthDays} timeZone={timeZone} idPrefix="list" />
        </div>
      ) : (
        <EmptyMonth />
      )}
    </section>
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
