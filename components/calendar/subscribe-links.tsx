import { type CalendarFilters, feedHref, webcalHref } from "@/lib/calendar/query";
import { messages } from "@/lib/messages";

/** iCal subscription of the filters in force: an https link and a webcal:// one. */
export function SubscribeLinks({
  filters,
  siteUrl,
}: {
  filters: CalendarFilters;
  siteUrl: string;
}) {
  const m = messages.calendar.subscribe;
  return (
    <section
      aria-labelledby="subscribe-title"
      className="rounded-md border border-gold-200 bg-gold-100/60 p-4"
    >
      <h2 id="subscribe-title" className="font-serif text-lg font-bold text-brand-800">
        {m.title}
      </h2>
      <p className="mt-1 text-sm text-muted">{m.hint}</p>
      <p className="mt-3 flex flex-wrap gap-2">
        <a
          href={feedHref(filters)}
          className="inline-flex items-center gap-1.5 rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
        >
          <CalendarIcon />
          {m.ical}
        </a>
        <a
          href={webcalHref(siteUrl, filters)}
          className="inline-flex items-center rounded border border-brand-700 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
        >
          {m.webcal}
        </a>
      </p>
    </section>
  );
}

export function CalendarIcon() {
  return (
    <svg viewBox="0 0 20 20" className="h-4 w-4" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M6 1a1 1 0 0 1 1 1v1h6V2a1 1 0 1 1 2 0v1h1.5A2.5 2.5 0 0 1 19 5.5v11a2.5 2.5 0 0 1-2.5 2.5h-13A2.5 2.5 0 0 1 1 16.5v-11A2.5 2.5 0 0 1 3.5 3H5V2a1 1 0 0 1 1-1Zm11 7H3v8.5c0 .28.22.5.5.5h13a.5.5 0 0 0 .5-.5V8Z"
      />
    </svg>
  );
}
