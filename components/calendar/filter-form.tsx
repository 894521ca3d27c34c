import Link from "next/link";
import type { CalendarFilterOptions } from "@/db/queries/events/calendar";
import { type CalendarQuery, calendarHref } from "@/lib/calendar/query";
import { messages } from "@/lib/messages";
import { eventKinds, serviceTypes } from "@/lib/vocabulary";

/** A plain GET form: works without JavaScript, and its result is a shareable URL. */
export function FilterForm({
  query,
  month,
  options,
}: {
  query: CalendarQuery;
  month: string;
  options: CalendarFilterOptions;
}) {
  const m = messages.calendar.filters;
  const f = query.filters;
  return (
    <form
      method="get"
      action="/events"
      aria-labelledby="calendar-filter-title"
      className="rounded-md border border-stone-300 bg-white p-4 shadow-sm"
    >
      <h2 id="calendar-filter-title" className="mb-3 font-serif text-lg font-bold text-brand-800">
        {m.title}
      </h2>
      {query.view !== "month" && <input type="hidden" name="view" value={query.view} />}
      <input type="hidden" name="month" value={month} />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-5">
        <FilterSelect
          name="sector"
          label={m.sector}
          value={f.sector}
          choices={options.sectors.map((s) => [s.slug, s.name])}
        />
        <FilterSelect
          name="town"
          label={m.town}
          value={f.town}
          choices={options.towns.map((t) => [t.slug, t.name])}
        />
        <FilterSelect
          name="kind"
          label={m.kind}
          value={f.kind}
          choices={eventKinds.map((k) => [k, messages.eventKinds[k]])}
        />
        <FilterSelect
          name="service"
          label={m.service}
          value={f.service}
          choices={serviceTypes.map((s) => [s, messages.serviceTypes[s]])}
        />
        <FilterSelect
          name="campaign"
          label={m.campaign}
          value={f.campaign}
          choices={options.campaigns.map((c) => [c.slug, c.name])}
          wide
        />
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button
          type="submit"
          className="rounded bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800"
        >
          {m.submit}
        </button>
        <Link
          href={calendarHref({ view: query.view, month, filters: {} })}
          className="text-sm text-brand-700 underline-offset-2 hover:underline"
        >
          {m.clear}
        </Link>
      </div>
    </form>
  );
}

function FilterSelect({
  name,
  label,
  value,
  choices,
  wide = false,
}: {
  name: string;
  label: string;
  value: string | undefined;
  choices: [string, string][];
  wide?: boolean;
}) {
  const id = `filter-${name}`;
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${wide ? "col-span-2 md:col-span-1" : ""}`}>
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={value ?? ""}
        className="w-full min-w-0 rounded border border-stone-400 bg-white px-2 py-2 text-[15px] text-ink"
      >
        <option value="">{messages.calendar.filters.all}</option>
        {choices.map(([slug, text]) => (
          <option key={slug} value={slug}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
