import Link from "next/link";
import { Badge, type Column, rowLinkClass } from "@/components/admin/kit";
import type { AdminEventRow } from "@/db/queries/events/staff";
import { compactDateTime } from "@/lib/format";
import { cmsMessages } from "@/lib/messages/cms";

const m = cmsMessages.registrations;

/** The open events' columns: title (a link to its registrations), start, seats, waiting, arrived. */
export function registrationEventColumns(timeZone: string): Column<AdminEventRow>[] {
  return [
    {
      header: m.table.event,
      cell: (row) => (
        <>
          <Link href={`/admin/registrations/${row.id}`} className={rowLinkClass}>
            {row.title}
          </Link>
          {row.status === "cancelled" && (
            <span className="ml-2">
              <Badge tone="bad">{cmsMessages.events.status.cancelled}</Badge>
            </span>
          )}
        </>
      ),
    },
    {
      header: m.table.when,
      className: "whitespace-nowrap text-sm",
      cell: (row) => compactDateTime(row.startsAt, timeZone),
    },
    {
      header: m.table.seats,
      className: "whitespace-nowrap",
      cell: (row) => `${row.confirmed}${row.capacity !== null ? ` / ${row.capacity}` : ""}`,
    },
    { header: m.table.waitlisted, cell: (row) => row.waitlisted },
    { header: m.table.checkedIn, cell: (row) => row.checkedIn },
  ];
}
