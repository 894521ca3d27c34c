import Link from "next/link";
import { Badge, type Column, columnsFor } from "@/components/admin/kit";
import type { AdminEventRow } from "@/db/queries/events/staff";
import { messages } from "@/lib/messages";
import { cmsMessages } from "@/lib/messages/cms";

const m = cmsMessages.events;

/** The events list's columns: title, start, kind, town, status, seats (a link to the list). */
export function eventColumns(timeZone: string): Column<AdminEventRow>[] {
  const col = columnsFor<AdminEventRow>(timeZone);
  return [
    col.link(m.table.title, (row) => ({ href: `/admin/events/${row.id}`, text: row.title })),
    col.time(m.table.when, (row) => row.startsAt),
    {
      header: m.table.kind,
      className: "whitespace-nowrap",
      cell: (row) => messages.eventKinds[row.kind],
    },
    { header: m.table.town, className: "whitespace-nowrap", cell: (row) => row.townName ?? "" },
    {
      header: m.table.status,
      cell: (row) => (
        <Badge tone={row.status === "cancelled" ? "bad" : "good"}>{m.status[row.status]}</Badge>
      ),
    },
    {
      header: m.table.seats,
      className: "whitespace-nowrap text-sm",
      cell: (row) =>
        row.openToPublic ? (
          <Link href={`/admin/registrations/${row.id}`} className="text-brand-700 hover:underline">
            {m.seats(row.confirmed, row.capacity, row.waitlisted)}
          </Link>
        ) : (
          <span className="text-muted">{m.notOpen}</span>
        ),
    },
  ];
}
