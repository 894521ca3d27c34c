import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RegisterCall } from "@/components/attendance/register-call";
import { RegistrationPanel } from "@/components/attendance/registration-panel";
import { Breadcrumb } from "@/components/calendar/breadcrumb";
import { EventFacts } from "@/components/calendar/event-facts";
import { EventHeader, EventStory } from "@/components/calendar/event-story";
import { getEventDetail } from "@/db/queries/events/public";
import { getEventReports, reportsAsOf } from "@/db/queries/news/event-reports";
import { getSeatSummary } from "@/db/queries/registrations/public";
import { getCommitteeInfo } from "@/db/queries/settings";
import { parseEventId } from "@/lib/calendar/query";
import { messages } from "@/lib/messages";
import { siteUrl } from "@/lib/site-url";
import { formatDateTime } from "@/lib/time";
import { registrationDeskAction } from "../../registrations/actions";
import { submitRegistration } from "./register/actions";

type Props = { params: Promise<{ id: string }> };
const trail = [
  { href: "/", label: messages.calendar.home },
  { href: "/events", label: messages.calendar.title },
];

async function loadEvent(params: Props["params"]) {
  const id = parseEventId((await params).id);
  return id === null ? null : getEventDetail(id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [event, committee] = await Promise.all([loadEvent(params), getCommitteeInfo()]);
  if (!event) return { title: messages.calendar.event.notFound };
  const when = formatDateTime(event.startsAt, committee.timeZone);
  const description = [when, event.venue, event.summary].filter(Boolean).join(" · ");
  const url = siteUrl(`/events/${event.id}`);
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
  const [committee, reports, seats] = await Promise.all([
    getCommitteeInfo(),
    getEventReports([event.id], reportsAsOf()),
    event.openToPublic ? getSeatSummary(event.id) : null,
  ]);
  const m = messages.calendar;
  const timeZone = committee.timeZone;
  return (
    <article className="space-y-6">
      <Breadcrumb trail={trail} current={event.title} />
      <EventHeader event={event}>
        <RegisterCall event={event} seats={seats} timeZone={timeZone} />
      </EventHeader>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="order-2 space-y-8 lg:order-1">
          <EventStory event={event} reports={reports} timeZone={timeZone} />
        </div>
        <aside className="order-1 space-y-4 lg:order-2" aria-label={m.event.asideLabel}>
          <EventFacts event={event} timeZone={timeZone} />
          <RegistrationPanel
            event={event}
            seats={seats}
            action={submitRegistration}
            deskAction={registrationDeskAction}
            timeZone={timeZone}
          />
        </aside>
      </div>
    </article>
  );
}
