import type { Metadata } from "next";
import { EventForm } from "@/components/admin/content/event-form";
import { AdminPageHeader } from "@/components/admin/content/page-parts";
import { requireStaff } from "@/components/admin/content/staff";
import { getEventFormOptions } from "@/db/queries/admin-events";
import { cmsMessages } from "@/lib/messages/cms";
import { emptyEventValues } from "../schema";
import { eventOptions } from "../view";

const m = cmsMessages.events;

export const metadata: Metadata = { title: m.newTitle, robots: { index: false } };

export default async function NewEventPage() {
  const user = await requireStaff("event.create", { next: "/admin/events/new" });
  const options = await getEventFormOptions();
  // An editor's own office and sector start ticked: their events must include them.
  const initial = {
    ...emptyEventValues,
    sectorIds: user.role === "editor" && user.sectorId !== null ? [String(user.sectorId)] : [],
    organisationIds:
      user.role === "editor" && user.organisationId !== null ? [String(user.organisationId)] : [],
  };
  return (
    <div>
      <AdminPageHeader
        title={m.newTitle}
        back={{ href: "/admin/events", label: cmsMessages.common.back }}
      />
      <EventForm
        id={null}
        initial={initial}
        updatedAt={null}
        {...eventOptions(options)}
        permalink="/admin/events/new"
      />
    </div>
  );
}
