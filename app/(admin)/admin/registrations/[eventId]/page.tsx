import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass, Notice, PageHeader } from "@/components/admin/kit";
import {
  getRegistrationEventForStaff,
  listEventRegistrations,
} from "@/db/queries/registrations/staff";
import { formatEventWhen } from "@/lib/attendance";
import { cmsMessages } from "@/lib/messages/cms";
import { can } from "@/lib/permissions";
import { committeeToday, requireStaff } from "@/server/action";
import { DoorTools } from "../_components/door-tools";
import { PeopleTable, rowRefusals } from "../_components/people-table";

const m = cmsMessages.registrations;

export const metadata: Metadata = { title: m.title, robots: { index: false } };

type Props = {
  params: Promise<{ eventId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EventRegistrationsPage({ params, searchParams }: Props) {
  const { eventId: raw } = await params;
  const user = await requireStaff("registration.view", `/admin/registrations/${raw}`);
  if (!/^[1-9]\d{0,8}$/.test(raw)) notFound();
  const eventId = Number(raw);
  const [event, committee, query] = await Promise.all([
    getRegistrationEventForStaff(user, eventId),
    committeeToday(),
    searchParams,
  ]);
  if (!event) notFound();
  const people = await listEventRegistrations(user, eventId);
  const tz = committee.timeZone;
  const mayReveal = can(user, "phone.reveal");
  const checkedId = typeof query.checked === "string" ? Number(query.checked) : null;
  const checkedName = people.find((p) => p.id === checkedId)?.name;
  const refusal = typeof query.error === "string" ? (rowRefusals[query.error] ?? null) : null;
  const c = event.counts;

  return (
    <div>
      <PageHeader
        title={m.listTitle(event.title)}
        intro={
          <>
            {formatEventWhen(event.startsAt, event.endsAt, tz)}
            {event.venue && ` · ${event.venue}`}
          </>
        }
        back={{ href: "/admin/registrations", label: m.backToEvents }}
        actions={
          <Link href={`/admin/events/${event.id}`} className={buttonClass.quiet}>
            {cmsMessages.events.editTitle}
          </Link>
        }
      />
      <Notice>{checkedName ? m.checkIn.done(checkedName) : null}</Notice>
      {refusal && <Notice tone="error">{refusal}</Notice>}
      {event.status === "cancelled" && (
        <Notice tone="error">{cmsMessages.events.cancelledNotice}</Notice>
      )}
      <p className="mb-5 text-[15px]">
        {m.summary(c.confirmed, event.capacity, c.waitlisted, c.checkedIn)}
      </p>
      <DoorTools eventId={event.id} mayReveal={mayReveal} />
      <PeopleTable eventId={event.id} people={people} mayReveal={mayReveal} timeZone={tz} />
    </div>
  );
}
