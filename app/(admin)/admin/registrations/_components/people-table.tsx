import { Badge, buttonClass, columnsFor, DataTable } from "@/components/admin/kit";
import type { StaffRegistrationRow } from "@/db/queries/registrations/staff";
import { compactDateTime } from "@/lib/format";
import { cmsMessages } from "@/lib/messages/cms";
import { checkInRowAction } from "../actions";
import { RevealPhone } from "./registration-tools";

const m = cmsMessages.registrations;

/** The words for a row check-in refused (`?error=` after the redirect). */
export const rowRefusals: Record<string, string> = {
  waitlisted: m.checkIn.waitlisted,
  cancelled: m.checkIn.cancelled,
  checked_in: m.checkIn.already,
  not_found: cmsMessages.errors.not_found,
  unexpected: cmsMessages.common.unexpected,
};

const statusTone = { confirmed: "good", waitlisted: "warn", cancelled: "neutral" } as const;

/** The people registered for one event: phones masked (an admin may reveal one), check-in per row. */
export function PeopleTable({
  eventId,
  people,
  mayReveal,
  timeZone,
}: {
  eventId: number;
  people: StaffRegistrationRow[];
  mayReveal: boolean;
  timeZone: string;
}) {
  const permalink = `/admin/registrations/${eventId}`;
  const col = columnsFor<StaffRegistrationRow>(timeZone);
  return (
    <DataTable
      caption={m.people.caption}
      rows={people}
      empty={m.none}
      columns={[
        {
          header: m.people.name,
          className: "whitespace-nowrap font-medium",
          // The anchor a row's check-in returns to (…?checked=id#r<id>).
          cell: (p) => <span id={`r${p.id}`}>{p.name}</span>,
        },
        {
          header: m.people.phone,
          className: "whitespace-nowrap",
          cell: (p) =>
            mayReveal ? (
              <RevealPhone
                registrationId={p.id}
                name={p.name}
                masked={p.phoneMasked}
                permalink={permalink}
              />
            ) : (
              <span className="font-mono">{p.phoneMasked}</span>
            ),
        },
        { header: m.people.organisation, cell: (p) => p.organisation },
        {
          header: m.people.status,
          cell: (p) => <Badge tone={statusTone[p.status]}>{m.status[p.status]}</Badge>,
        },
        col.time(m.people.registeredAt, (p) => p.createdAt),
        {
          header: m.people.checkedIn,
          className: "whitespace-nowrap text-sm",
          cell: (p) =>
            p.checkedInAt ? (
              m.checkIn.at(compactDateTime(p.checkedInAt, timeZone))
            ) : p.status === "confirmed" ? (
              <form action={checkInRowAction}>
                <input type="hidden" name="eventId" value={eventId} />
                <input type="hidden" name="registrationId" value={p.id} />
                <button
                  type="submit"
                  className={buttonClass.quiet}
                  aria-label={m.checkIn.buttonFor(p.name)}
                >
                  {m.checkIn.button}
                </button>
              </form>
            ) : null,
        },
      ]}
    />
  );
}
