import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/admin/content/fields";
import { compactDateTime } from "@/components/admin/content/format";
import {
  AdminPageHeader,
  Badge,
  Notice,
  TableFrame,
  tableClass,
} from "@/components/admin/content/page-parts";
import { CheckInByCode, RevealPhone } from "@/components/admin/content/registration-tools";
import { requireStaff } from "@/components/admin/content/staff";
import {
  getRegistrationEventForStaff,
  listEventRegistrations,
} from "@/db/queries/admin-registrations";
import { getCommitteeInfo } from "@/db/queries/settings";
import { formatEventWhen } from "@/lib/attendance";
import { cmsMessages } from "@/lib/messages/cms";
import { can } from "@/lib/permissions";
import { checkInRowAction } from "../actions";

const m = cmsMessages.registrations;

export const metadata: Metadata = { title: m.title, robots: { index: false } };

type Props = {
  params: Promise<{ eventId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const refusals: Record<string, string> = {
  waitlisted: m.checkIn.waitlisted,
  cancelled: m.checkIn.cancelled,
  checked_in: m.checkIn.already,
  not_found: cmsMessages.errors.not_found,
  unexpected: cmsMessages.common.unexpected,
};

export default async function EventRegistrationsPage({ params, searchParams }: Props) {
  const { eventId: raw } = await params;
  const user = await requireStaff("registration.view", { next: `/admin/registrations/${raw}` });
  if (!/^[1-9]\d{0,8}$/.test(raw)) notFound();
  const eventId = Number(raw);
  const [event, committee, query] = await Promise.all([
    getRegistrationEventForStaff(user, eventId),
    getCommitteeInfo(),
    searchParams,
  ]);
  if (!event) notFound();
  const people = await listEventRegistrations(user, eventId);
  const tz = committee.timeZone;
  const mayReveal = can(user, "phone.reveal");
  const permalink = `/admin/registrations/${eventId}`;
  const checkedId = typeof query.checked === "string" ? Number(query.checked) : null;
  const checkedName = people.find((p) => p.id === checkedId)?.name;
  const refusal = typeof query.error === "string" ? (refusals[query.error] ?? null) : null;

  return (
    <div>
      <AdminPageHeader
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
        {m.summary(
          event.counts.confirmed,
          event.capacity,
          event.counts.waitlisted,
          event.counts.checkedIn,
        )}
      </p>

      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        <section
          aria-labelledby="checkin-title"
          className="rounded-md border border-stone-300 bg-white p-4"
        >
          <h2 id="checkin-title" className="mb-2 font-serif text-lg font-bold text-brand-800">
            {m.checkIn.byCode}
          </h2>
          <CheckInByCode eventId={event.id} permalink={permalink} />
        </section>
        <section
          aria-labelledby="export-title"
          className="rounded-md border border-stone-300 bg-white p-4"
        >
          <h2 id="export-title" className="mb-2 font-serif text-lg font-bold text-brand-800">
            {m.export.title}
          </h2>
          <p className="text-sm text-muted">{cmsMessages.common.csvHint}</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <form method="post" action={`/admin/registrations/${event.id}/export`}>
              <input type="hidden" name="phones" value="masked" />
              <button type="submit" className={buttonClass.secondary}>
                {m.export.masked}
              </button>
            </form>
            {mayReveal && (
              <form method="post" action={`/admin/registrations/${event.id}/export`}>
                <input type="hidden" name="phones" value="full" />
                <button type="submit" className={buttonClass.danger}>
                  {m.export.full}
                </button>
              </form>
            )}
          </div>
          {mayReveal && <p className="mt-2 text-sm text-muted">{m.export.fullHint}</p>}
        </section>
      </div>

      {people.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-400 p-6 text-center text-muted">
          {m.none}
        </p>
      ) : (
        <TableFrame label={m.people.caption}>
          <table className={tableClass.table}>
            <caption className={tableClass.caption}>{m.people.caption}</caption>
            <thead>
              <tr>
                <th scope="col" className={tableClass.th}>
                  {m.people.name}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.people.phone}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.people.organisation}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.people.status}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.people.registeredAt}
                </th>
                <th scope="col" className={tableClass.th}>
                  {m.people.checkedIn}
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id} id={`r${p.id}`}>
                  <td className={`${tableClass.td} whitespace-nowrap font-medium`}>{p.name}</td>
                  <td className={`${tableClass.td} whitespace-nowrap`}>
                    {mayReveal ? (
                      <RevealPhone
                        registrationId={p.id}
                        name={p.name}
                        masked={p.phoneMasked}
                        permalink={permalink}
                      />
                    ) : (
                      <span className="font-mono">{p.phoneMasked}</span>
                    )}
                  </td>
                  <td className={tableClass.td}>{p.organisation}</td>
                  <td className={tableClass.td}>
                    <Badge
                      tone={
                        p.status === "confirmed"
                          ? "good"
                          : p.status === "waitlisted"
                            ? "warn"
                            : "neutral"
                      }
                    >
                      {m.status[p.status]}
                    </Badge>
                  </td>
                  <td className={`${tableClass.td} whitespace-nowrap text-sm`}>
                    {compactDateTime(p.createdAt, tz)}
                  </td>
                  <td className={`${tableClass.td} whitespace-nowrap text-sm`}>
                    {p.checkedInAt ? (
                      m.checkIn.at(compactDateTime(p.checkedInAt, tz))
                    ) : p.status === "confirmed" ? (
                      <form action={checkInRowAction}>
                        <input type="hidden" name="eventId" value={event.id} />
                        <input type="hidden" name="registrationId" value={p.id} />
                        <button
                          type="submit"
                          className={buttonClass.quiet}
                          aria-label={m.checkIn.buttonFor(p.name)}
                        >
                          {m.checkIn.button}
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
    </div>
  );
}
