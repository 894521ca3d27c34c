import Link from "next/link";
import { formatMonth, isNavigableMonth, shiftMonth } from "@/lib/calendar/month";
import { type CalendarQuery, type CalendarView, calendarHref } from "@/lib/calendar/query";
import { messages } from "@/lib/messages";

/** The month shown, links to the months around it, and the view switch. */
export function CalendarToolbar({
  query,
  month,
  currentMonth,
  titleId,
}: {
  query: CalendarQuery;
  month: string;
  currentMonth: string;
  titleId: string;
}) {
  const m = messages.calendar;
  const prev = shiftMonth(month, -1);
  const next = shiftMonth(month, 1);
  const step =
    "inline-flex items-center rounded border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-ink hover:border-brand-600 hover:text-brand-700";
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <h2 id={titleId} className="font-serif text-2xl font-bold text-brand-800">
          {formatMonth(month)}
        </h2>
        <nav aria-label={m.nav.label} className="flex items-center gap-1.5">
          {isNavigableMonth(prev) && (
            <Link href={calendarHref({ ...query, month: prev })} className={step} rel="prev">
              <span aria-hidden="true" className="mr-1">
                ‹
              </span>
              {m.nav.prev}
            </Link>
          )}
          {month !== currentMonth && (
            <Link href={calendarHref({ ...query, month: currentMonth })} className={step}>
              {m.nav.today}
            </Link>
          )}
          {isNavigableMonth(next) && (
            <Link href={calendarHref({ ...query, month: next })} className={step} rel="next">
              {m.nav.next}
              <span aria-hidden="true" className="ml-1">
                ›
              </span>
            </Link>
          )}
        </nav>
      </div>
      <nav aria-label={m.views.label}>
        <ul className="flex overflow-hidden rounded border border-brand-700 text-sm font-medium">
          {(["month", "list"] as const).map((view) => (
            <li key={view}>
              <ViewLink query={query} month={month} view={view} />
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

function ViewLink({
  query,
  month,
  view,
}: {
  query: CalendarQuery;
  month: string;
  view: CalendarView;
}) {
  const current = query.view === view;
  return (
    <Link
      href={calendarHref({ ...query, month, view })}
      aria-current={current ? "page" : undefined}
      className={`block px-4 py-1.5 ${
        current ? "bg-brand-700 text-white" : "bg-white text-brand-700 hover:bg-brand-50"
      }`}
    >
      {messages.calendar.views[view]}
    </Link>
  );
}
