import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RegistrationPanel } from "@/components/attendance/registration-panel";
import { Breadcrumb } from "@/components/calendar/breadcrumb";
import { EventBadges } from "@/components/calendar/event-badges";
import { EventFacts } from "@/components/calendar/event-facts";
import { ReportList } from "@/components/calendar/report-list";
import { SectionHeading } from "@/components/ui/section-heading";
import { getEventDetail, getEventReports, reportsAsOf } from "@/db/queries/events";
import { getCommitteeInfo } from "@/db/queries/settings";
import { parseEventId } from "@/lib/calendar";
import { env } from "@/lib/env";
import { messages } from "@/lib/messages";
import { formatDateTime } from "@/lib/time";

type Props = { params: Promise<{ id: string }> };

async function loadEvent(params: Props["params"]) {
  const id = parseEventId((await params).id);
  return id === null ? null : getEventDetail(id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [event, committee] = await Promise.all([loadEvent(params), getCommitteeInfo()]);
  if (!event) return { title: messages.calendar.event.notFound };
  const when = formatDateTime(event.startsAt, committee.timeZone);
  const description = [when, event.venue, event.summary].filter(Boolean).join(" · ");
  const url = new URL(`/events/${event.id}`, env.SITE_URL).toString();
  return {
    title: event.title,
    description,
    alternates: {
      canonical: url,
      types: { "text/calendar": `/events/${event.id}/event.ics` },
    },
    openGraph: { type: "website", title: event.title, description, url, locale: "zh_CN" },
  };
}

export default async function EventPage({ params }: Props) {
  const event = await loadEvent(params);
  if (!event) notFound();
  const [committee, reports] = await Promise.all([
    getCommitteeInfo(),
    getEventReports([event.id], reportsAsOf()),
  ]);
  const m = messages.calendar;
  const timeZone = committee.timeZone;
  const cancelled = event.status === "cancelled";
  const paragraphs = event.body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

  return (
    <article className="space-y-6">
      <Breadcrumb
        trail={[
          { href: "/", label: m.home },
          { href: "/events", label: m.title },
        ]}
        current={event.title}
      />
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
      <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="order-2 space-y-8 lg:order-1">
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
        </div>
        <aside className="order-1 space-y-4 lg:order-2" aria-label={m.event.asideLabel}>
          <EventFacts event={event} timeZone={timeZone} />
          <RegistrationPanel
            event={{
              id: event.id,
              title: event.title,
              status: event.status,
              openToPublic: event.openToPublic,
              capacity: event.capacity,
              startsAt: event.startsAt,
              registrationOpensAt: event.registrationOpensAt,
              registrationClosesAt: event.registrationClosesAt,
            }}
            timeZone={timeZone}
          />
        </aside>
      </div>
    </article>
  );
}
