import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/kit";
import { MemberQrPanel } from "@/components/checkin/member-qr-panel";
import { countMemberCheckins } from "@/db/queries/events/member-checkin";
import { getRegistrationEventForStaff } from "@/db/queries/registrations/staff";
import { formatEventWhen } from "@/lib/attendance";
import { drawQr } from "@/lib/checkin/qr";
import {
  checkinOpensAt,
  checkinWindow,
  eventCheckinToken,
  memberCheckinUrl,
} from "@/lib/checkin/token";
import { env } from "@/lib/env";
import { checkinMessages } from "@/lib/messages/checkin";
import { formatDateTime } from "@/lib/time";
import { committeeToday, requireStaff, staffPageTitle } from "@/server/action";
import { eventCheckinKey } from "@/server/checkin/key";

const m = checkinMessages.eventQr;

export const generateMetadata: () => Promise<Metadata> = staffPageTitle(m.title);

type Props = { params: Promise<{ eventId: string }> };

/**
 * 委员签到二维码: shown at the venue; a member's camera opens the address it carries
 * (SITE_URL/member/checkin?e=…&t=…). It rotates every minute (lib/checkin/token.ts) and
 * exists only during the event's window.
 */
export default async function MemberCheckinQrPage({ params }: Props) {
  const { eventId: raw } = await params;
  const user = await requireStaff("registration.view", `/admin/registrations/${raw}/member-qr`);
  if (!/^[1-9]\d{0,8}$/.test(raw)) notFound();
  const eventId = Number(raw);
  const [event, { timeZone }, members] = await Promise.all([
    getRegistrationEventForStaff(user, eventId),
    committeeToday(),
    countMemberCheckins(eventId),
  ]);
  if (!event) notFound();
  const now = new Date();
  const state = event.status === "cancelled" ? "cancelled" : checkinWindow(event, now);
  const token = eventCheckinToken(eventCheckinKey(), event.id, now);
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader
        title={m.pageTitle(event.title)}
        intro={formatEventWhen(event.startsAt, event.endsAt, timeZone)}
        back={{ href: `/admin/registrations/${event.id}`, label: checkinMessages.staff.toList }}
      />
      <p className="mb-4 text-lg font-medium">{m.signedIn(members)}</p>
      <MemberQrPanel
        eventId={event.id}
        eventTitle={event.title}
        state={state}
        drawing={state === "open" ? drawQr(memberCheckinUrl(env.SITE_URL, event.id, token)) : null}
        opensAt={formatDateTime(checkinOpensAt(event), timeZone)}
      />
    </div>
  );
}
