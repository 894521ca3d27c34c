import Link from "next/link";
import { NewsList } from "@/components/home/news-list";
import { SectionHeading } from "@/components/ui/section-heading";
import type { EventTimeline, SectorDetail } from "@/db/queries/directory/public";
import { messages } from "@/lib/messages";
import { TimelineSections } from "./event-timeline";
import { CalendarIcon } from "./icons";
import { StudioList } from "./studio-list";

const m = messages.directory.sector;

/** The sector's calendar, filtered to it, and its iCal feed. */
export function SectorCalendarLinks({ slug }: { slug: string }) {
  return (
    <p className="mt-4 flex flex-wrap gap-2">
      <Link
        href={`/events?sector=${slug}`}
        className="inline-flex items-center gap-1.5 rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
      >
        <CalendarIcon />
        {m.calendar}
      </Link>
      <a
        href={`/events.ics?sector=${slug}`}
        className="inline-flex items-center rounded border border-brand-600 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
      >
        {m.subscribe}
      </a>
    </p>
  );
}

/** A sector page's body: its events (to come, over), its news and the studios serving it. */
export function SectorColumns({
  detail,
  timeline,
  timeZone,
}: {
  detail: SectorDetail;
  /** The events settled against the page's own `now`. */
  timeline: EventTimeline;
  timeZone: string;
}) {
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="space-y-8">
        <TimelineSections timeline={timeline} timeZone={timeZone} words={m} />
      </div>
      <div className="space-y-8">
        <section aria-labelledby="news-title">
          <SectionHeading id="news-title" title={m.news} />
          <NewsList items={detail.news} timeZone={timeZone} emptyText={m.noNews} pictures />
        </section>
        <section aria-labelledby="studios-title">
          <SectionHeading id="studios-title" title={m.studios} />
          <StudioList studios={detail.studios} headingLevel={3} compact emptyText={m.noStudios} />
        </section>
      </div>
    </div>
  );
}
