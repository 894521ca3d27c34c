import { EventList } from "@/components/home/event-list";
import { SectionHeading } from "@/components/ui/section-heading";
import type { EventTimeline } from "@/db/queries/directory/public";

/** A sector's or studio's events: those to come, then those over (two sections). */
export function TimelineSections({
  timeline,
  timeZone,
  words,
}: {
  timeline: EventTimeline;
  timeZone: string;
  words: { upcoming: string; noUpcoming: string; past: string; noPast: string };
}) {
  return (
    <>
      <section aria-labelledby="upcoming-title">
        <SectionHeading id="upcoming-title" title={words.upcoming} />
        <EventList items={timeline.upcoming} timeZone={timeZone} emptyText={words.noUpcoming} />
      </section>
      <section aria-labelledby="past-title">
        <SectionHeading id="past-title" title={words.past} />
        <EventList items={timeline.past} timeZone={timeZone} emptyText={words.noPast} />
      </section>
    </>
  );
}
