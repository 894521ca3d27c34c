import { SectionHeading } from "@/components/ui/section-heading";
import type { EventDetail } from "@/db/queries/events/public";
import type { EventReport } from "@/db/queries/news/event-reports";
import { messages } from "@/lib/messages";
import { EventBadges } from "./event-badges";
import { ReportList } from "./report-list";

const m = messages.calendar;

/** An event page's header: badges, title (struck through when called off), summary, notice. */
export function EventHeader({
  event,
  children,
}: {
  event: EventDetail;
  /** The page's main action under the title (我要报名), when there is one. */
  children?: React.ReactNode;
}) {
  const cancelled = event.status === "cancelled";
  return (
    <header className="space-y-3">
      <EventBadges
        kind={event.kind}
        serviceType={event.serviceType}
        status={event.status}
        openToPublic={event.openToPublic}
        startsAt={event.startsAt}
        size="md"
      />
      <h1
        className={`font-serif text-2xl font-bold leading-snug text-brand-800 sm:text-3xl ${cancelled ? "line-through decoration-2" : ""}`}
      >
        {event.title}
      </h1>
      {children}
      {event.summary && <p className="max-w-3xl text-lg text-muted">{event.summary}</p>}
      {cancelled && (
        <div
          role="status"
          className="rounded-md border-l-4 border-stone-700 bg-stone-200 px-4 py-3"
        >
          <p className="font-bold">{m.event.cancelledTitle}</p>
          <p className="text-sm">{m.event.cancelledBody}</p>
        </div>
      )}
    </header>
  );
}

/** An event page's main column: what it is about, and the news reports of it. */
export function EventStory({
  event,
  reports,
  timeZone,
}: {
  event: EventDetail;
  reports: EventReport[];
  timeZone: string;
}) {
  const cancelled = event.status === "cancelled";
  const paragraphs = event.body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.length > 0 && (
        <section aria-labelledby="event-about-title">
          <SectionHeading id="event-about-title" title={m.event.about} />
          <div className="space-y-4 text-[17px] leading-8">
            {paragraphs.map((p) => (
              <p key={p}>{p}</p>
            ))}
          </div>
        </section>
      )}
      {(reports.length > 0 || !cancelled) && (
        <section aria-labelledby="event-reports-title">
          <SectionHeading id="event-reports-title" title={m.event.reports} />
          {reports.length > 0 ? (
            <ReportList reports={reports} timeZone={timeZone} />
          ) : (
            <p className="text-muted">
              {event.endsAt > new Date() ? m.event.reportsLater : m.event.noReports}
            </p>
          )}
        </section>
      )}
    </>
  );
}
