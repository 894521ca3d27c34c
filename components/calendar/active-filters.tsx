import Link from "next/link";
import {
  type CalendarQuery,
  calendarHref,
  type FilterLabels,
  filterParams,
  type IgnoredParam,
} from "@/lib/calendar/query";
import { messages } from "@/lib/messages";

/** The filters in force, each removable by a link, and what was ignored from the URL. */
export function ActiveFilters({
  query,
  month,
  labels,
  count,
}: {
  query: CalendarQuery;
  month: string;
  labels: FilterLabels;
  count: number;
}) {
  const m = messages.calendar;
  const active = filterParams.filter((p) => query.filters[p] !== undefined);
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <p className="font-medium text-ink" role="status">
        {m.resultCount(count)}
      </p>
      {active.length > 0 && (
        <>
          <span className="text-muted">· {m.filters.active}：</span>
          <ul className="flex flex-wrap gap-1.5">
            {active.map((param) => {
              const label = `${m.filters[param]}：${labels[param] ?? query.filters[param]}`;
              const { [param]: _removed, ...rest } = query.filters;
              return (
                <li key={param}>
                  <Link
                    href={calendarHref({ ...query, month, filters: rest })}
                    aria-label={m.filters.remove(label)}
                    className="inline-flex items-center gap-1 rounded-full bg-brand-50 px-3 py-0.5 text-brand-800 ring-1 ring-brand-200 hover:bg-brand-100"
                  >
                    {label}
                    <span aria-hidden="true" className="text-base leading-none">
                      ×
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}

/** What the URL asked for that could not be understood. */
export function IgnoredNotice({ ignored }: { ignored: IgnoredParam[] }) {
  if (ignored.length === 0) return null;
  const m = messages.calendar;
  return (
    <div
      role="status"
      className="rounded-md border border-gold-500 bg-gold-100 px-4 py-3 text-sm text-ink"
    >
      <p className="font-medium">{m.ignoredNotice}</p>
      <ul className="mt-1 list-inside list-disc">
        {ignored.map((item) => (
          <li key={`${item.param}-${item.value}`}>
            {m.paramNames[item.param]}：“{item.value}”
          </li>
        ))}
      </ul>
    </div>
  );
}
