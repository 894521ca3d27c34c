import Link from "next/link";
import { Badge, type Column, columnsFor, rowLinkClass } from "@/components/admin/kit";
import type { AdminEventRow } from "@/db/queries/events/staff";
import { cmsMessages } from "@/lib/messages/cms";

const m = cmsMessages.registrations;

/** The open events' columns: title (a link to its registrations), start, seats, waiting, arrived. */
export function registrationEventColumns(timeZone: string): Column<AdminEventRow>[] {
  const col = columnsFor<AdminEventRow>(timeZone);
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
    col.time(m.table.when, (row) => row.startsAt),
    {
      header: m.table.seats,
      className: "whitespace-nowrap",
      cell: (row) => `${row.confirmed}${row.capacity !== null ? ` / ${row.capacity}` : ""}`,
    },
    { header: m.table.waitlisted, cell: (row) => row.waitlisted },
    { header: m.table.checkedIn, cell: (row) => row.checkedIn },
  ];
}
