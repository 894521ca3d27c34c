import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { IgnoredNotice } from "@/components/calendar/active-filters";
import { CalendarSection, type ShownEvents } from "@/components/calendar/calendar-section";
import { FilterForm } from "@/components/calendar/filter-form";
import { SubscribeLinks } from "@/components/calendar/subscribe-links";
import {
  getCalendarEvents,
  getCalendarFilterOptions,
  getGridEvents,
  MONTH_EVENT_LIMIT,
} from "@/db/queries/events/calendar";
import { getCommitteeInfo } from "@/db/queries/settings";
import { defaultMonth, viewRange } from "@/lib/calendar/month";
import {
  calendarHref,
  dropUnknownSlugs,
  filterLabels,
  knownSlugsOf,
  parseCalendarQuery,
} from "@/lib/calendar/query";
import { env } from "@/lib/env";
import { messages } from "@/lib/messages";
import { localDateKey } from "@/lib/time";

export const metadata: Metadata = {
  title: messages.calendar.title,
  description: messages.calendar.intro,
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EventsPage({ searchParams }: Props) {
  const m = messages.calendar;
  const parsed = parseCalendarQuery(await searchParams);
  const [committee, options] = await Promise.all([getCommitteeInfo(), getCalendarFilterOptions()]);
  const known = dropUnknownSlugs(parsed.query.filters, knownSlugsOf(options));
  const query = { ...parsed.query, filters: known.filters };
  const ignored = [...parsed.ignored, ...known.ignored];
  // A GET form leaves empty fields ("全部") in the URL: show the canonical one instead.
  if (parsed.hadEmptyParams && ignored.length === 0) redirect(calendarHref(query));

  const timeZone = committee.timeZone;
  const today = localDateKey(new Date(), timeZone);
  const campaign = options.campaigns.find((c) => c.slug === query.filters.campaign);
  const month = query.month ?? defaultMonth(today, campaign);
  const range = viewRange(query.view, month, timeZone);
  const span = { from: range.from.toISOString(), to: range.to.toISOString() };
  const shown: ShownEvents =
    query.view === "month"
      ? { view: "month", events: await getGridEvents(span, query.filters, MONTH_EVENT_LIMIT) }
      : { view: "list", events: await getCalendarEvents(span, query.filters, MONTH_EVENT_LIMIT) };
  return (
    <div className="space-y-5">
      <header>
        <h1 className="font-serif text-3xl font-bold text-brand-800">{m.title}</h1>
        <p className="mt-1 text-muted">{m.intro}</p>
      </header>
      <IgnoredNotice ignored={ignored} />
      <FilterForm query={query} month={month} options={options} />
      <CalendarSection
        query={query}
        month={month}
        today={today}
        shown={shown}
        labels={filterLabels(query.filters, options)}
        timeZone={timeZone}
      />
      <SubscribeLinks filters={query.filters} siteUrl={env.SITE_URL} />
    </div>
  );
}
