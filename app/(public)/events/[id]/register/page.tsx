import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RegistrationPanel } from "@/components/attendance/registration-panel";
import { ResendCodeForm } from "@/components/attendance/resend-code-form";
import { getRegistrationEvent, getSeatSummary } from "@/db/queries/registrations/public";
import { getCommitteeInfo } from "@/db/queries/settings";
import { formatEventWhen } from "@/lib/attendance";
import { attendanceMessages as m } from "@/lib/messages/attendance";
import { resendFormMessages } from "@/lib/messages/checkin";
import { smsConfigured } from "@/server/checkin/sms";
import { registrationDeskAction } from "../../../registrations/actions";
import { submitRegistration } from "./actions";
import { resendCodeAction } from "./resend-action";

type Props = { params: Promise<{ id: string }> };

/**
 * The registration form on a page of its own. A form posted without JavaScript lands
 * here (the form's permalink), and this page shows it again with the typed values and
 * the messages. The event page shows the same panel.
 */
function eventIdFrom(raw: string): number | null {
  const id = Number(raw);
  return /^\d{1,9}$/.test(raw) && id > 0 ? id : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = eventIdFrom((await params).id);
  const event = id ? await getRegistrationEvent(id) : null;
  return {
    title: event ? `${m.register.metaTitle}：${event.title}` : m.register.metaTitle,
    robots: { index: false },
  };
}

export default async function EventRegistrationPage({ params }: Props) {
  const id = eventIdFrom((await params).id);
  if (!id) notFound();
  const [event, committee] = await Promise.all([getRegistrationEvent(id), getCommitteeInfo()]);
  if (!event?.openToPublic) notFound();
  const seats = await getSeatSummary(event.id);

  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <nav aria-label={m.register.backNav}>
        <Link href={`/events/${event.id}`} className="text-sm text-brand-700 hover:underline">
          <span aria-hidden="true">‹ </span>
          {m.register.backToEvent}
        </Link>
      </nav>
      <header>
        <h1 className="font-serif text-2xl font-bold leading-snug text-ink sm:text-3xl">
          {event.title}
        </h1>
        <p className="mt-2 text-muted">
          <time dateTime={event.startsAt.toISOString()}>
            {formatEventWhen(event.startsAt, event.endsAt, committee.timeZone)}
          </time>
          {event.venue && <> · {event.venue}</>}
        </p>
      </header>
      <RegistrationPanel
        event={event}
        seats={seats}
        action={submitRegistration}
        deskAction={registrationDeskAction}
        timeZone={committee.timeZone}
      />
      <ResendCodeForm
        eventId={event.id}
        action={resendCodeAction}
        smsAvailable={smsConfigured()}
        permalink={`/events/${event.id}/register`}
        words={resendFormMessages}
      />
    </div>
  );
}
