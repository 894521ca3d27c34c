import Link from "next/link";
import { Badge, buttonClass, PageHeader } from "@/components/admin/kit";
import type { EventForEdit } from "@/db/queries/events/staff";
import { compactDateTime } from "@/lib/format";
import { cmsMessages } from "@/lib/messages/cms";

const m = cmsMessages.events;

/** The editor's header: links to the public page, its .ics and registrations; status and seats. */
export function EventEditHeader({
  event,
  confirmed,
  waitlisted,
  timeZone,
  children,
}: {
  event: EventForEdit;
  confirmed: number;
  waitlisted: number;
  timeZone: string;
  /** Notices, between the header and the status line. */
  children?: React.ReactNode;
}) {
  const link = (href: string, label: string) => (
    <Link href={href} className={buttonClass.quiet}>
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader
        title={m.editTitle}
        back={{ href: "/admin/events", label: cmsMessages.common.back }}
        actions={
          <>
            {link(`/events/${event.id}`, m.links.public)}
            {link(`/events/${event.id}/event.ics`, m.links.ics)}
            {event.openToPublic && link(`/admin/registrations/${event.id}`, m.links.registrations)}
          </>
        }
      />
      {children}
      <p className="mb-4 flex flex-wrap items-center gap-3 text-sm text-muted">
        <Badge tone={event.status === "cancelled" ? "bad" : "good"}>{m.status[event.status]}</Badge>
        {event.openToPublic && <span>{m.seats(confirmed, event.capacity, waitlisted)}</span>}
        <span>{cmsMessages.common.lastUpdated(compactDateTime(event.updatedAt, timeZone))}</span>
      </p>
    </>
  );
}
