import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ActiveFilters, IgnoredNotice } from "@/components/calendar/active-filters";
import { CalendarToolbar } from "@/components/calendar/calendar-toolbar";
import { EventAgenda } from "@/components/calendar/event-agenda";
import { FilterForm } from "@/components/calendar/filter-form";
import { KindLegend } from "@/components/calendar/kind-legend";
import { MonthGrid } from "@/components/calendar/month-grid";
import { SubscribeLinks } from "@/components/calendar/subscribe-links";
import {
  getCalendarEvents,
  getCalendarFilterOptions,
  MONTH_EVENT_LIMIT,
} from "@/db/queries/calendar";
import { getCommitteeInfo } from "@/db/queries/settings";
import {
  buildMonthGrid,
  calendarHref,
  defaultMonth,
  dropUnknownSlugs,
  eventsInRange,
  filterLabels,
  groupEventsByDay,
  monthGridRange,
  monthOf,
  monthRange,
  parseCalendarQuery,
} from "@/lib/calendar";
import { env } from "@/lib/env";
import { messages } from "@/lib/messages";
import { localDateKey } from "@/lib/time";

export const metadata: Metadata = {
  title: messages.calendar.title,
  description: messages.calendar.intro,
};

export default async function EventsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const m = messages.calendar;
  const parsed = parseCalendarQuery(await searchParams);
  const [committee, options] = await Promise.all([getCommitteeInfo(), getCalendarFilterOptions()]);
  const known = dropUnknownSlugs(parsed.query.filters, {
    sectors: new Set(options.sectors.map((s) => s.slug)),
    towns: new Set(options.towns.map((t) => t.slug)),
    campaigns: new Set(options.campaigns.map((c) => c.slug)),
  });
  const query = { ...parsed.query, filters: known.filters };
  const ignored = [...parsed.ignored, ...known.ignored];
  // A GET form leaves empty fields ("全部") in the URL: show the canonical one instead.
  if (parsed.hadEmptyParams && ignored.length === 0) redirect(calendarHref(query));

  const timeZone = committee.timeZone;
  const today = localDateKey(new Date(), timeZone);
  const campaign = options.campaigns.find((c) => c.slug === query.filters.campaign);
  const month = query.month ?? defaultMonth(today, campaign);
  const range =
    query.view === "month" ? monthGridRange(month, timeZone) : monthRange(month, timeZone);
  const events = await getCalendarEvents(
    { from: range.from.toISOString(), to: range.to.toISOString() },
    query.filters,
    MONTH_EVENT_LIMIT,
  );
  const inMonth = eventsInRange(events, monthRange(month, timeZone));
  const monthDays = [...groupEventsByDay(inMonth, timeZone, { spanDays: true })].filter(
    ([date]) => monthOf(date) === month,
  );

  return (
    <div className="space-y-5">
      <header>
        <h1 className="font-serif text-3xl font-bold text-brand-800">{m.title}</h1>
        <p className="mt-1 text-muted">{m.intro}</p>
      </header>
      <IgnoredNotice ignored={ignored} />
      <FilterForm query={query} month={month} options={options} />
      <section aria-labelledby="calendar-month-title" className="space-y-3">
        <CalendarToolbar
          query={query}
          month={month}
          currentMonth={monthOf(today)}
          titleId="calendar-month-title"
        />
        <ActiveFilters
          query={query}
          month={month}
          labels={filterLabels(query.filters, options)}
          count={inMonth.length}
        />
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
      <SubscribeLinks filters={query.filters} siteUrl={env.SITE_URL} />
    </div>
  );
}

function EmptyMonth() {
  const m = messages.calendar;
  return (
    <div className="rounded-md border border-dashed border-stone-400 bg-white px-4 py-8 text-center">
      <p className="font-medium">{m.empty}</p>
      <p className="mt-1 text-sm text-muted">{m.emptyHint}</p>
    </div>
  );
}
