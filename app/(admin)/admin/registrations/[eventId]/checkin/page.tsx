import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/kit";
import { countMemberCheckins } from "@/db/queries/events/member-checkin";
import { getRegistrationEventForStaff } from "@/db/queries/registrations/staff";
import { formatEventWhen } from "@/lib/attendance";
import { checkinMessages } from "@/lib/messages/checkin";
import { committeeToday, requireStaff, staffPageTitle } from "@/server/action";
import { DoorScanner } from "../../_components/door-scanner";

const m = checkinMessages;

export const generateMetadata: () => Promise<Metadata> = staffPageTitle(m.staff.title);

type Props = { params: Promise<{ eventId: string }> };

/**
 * The door on a phone (扫码签到): the camera reads the registrants' QR codes, or a code is
 * typed. The links to the other door pages are plain anchors: the camera is allowed per
 * document (server.mjs), so each scanner page is a page load of its own.
 */
export default async function DoorCheckInPage({ params }: Props) {
  const { eventId: raw } = await params;
  const path = `/admin/registrations/${raw}/checkin`;
  const user = await requireStaff("registration.view", path);
  if (!/^[1-9]\d{0,8}$/.test(raw)) notFound();
  const eventId = Number(raw);
  const [event, committee, members] = await Promise.all([
    getRegistrationEventForStaff(user, eventId),
    committeeToday(),
    countMemberCheckins(eventId),
  ]);
  if (!event) notFound();
  const c = event.counts;
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader
        title={m.staff.pageTitle(event.title)}
        intro={
          <>
            {formatEventWhen(event.startsAt, event.endsAt, committee.timeZone)}
            {event.venue && ` · ${event.venue}`}
          </>
        }
        back={{ href: `/admin/registrations/${event.id}`, label: m.staff.toList }}
      >
        <p className="mt-2 text-[15px] font-medium">
          {m.staff.counts(c.checkedIn, c.confirmed)} · {m.eventQr.signedIn(members)}
        </p>
      </PageHeader>
      <p className="mb-4 text-muted">{m.staff.intro}</p>
      <DoorScanner eventId={event.id} permalink={path} />
      <p className="mt-6">
        <a href={`/admin/registrations/${event.id}/member-qr`} className="text-brand-700 underline">
          {m.staff.toMemberQr}
        </a>
      </p>
    </div>
  );
}
