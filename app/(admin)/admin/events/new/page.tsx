import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/kit";
import { EventForm } from "@/components/calendar/admin/event-form";
import { getEventFormOptions } from "@/db/queries/events/staff";
import { emptyEventValues } from "@/lib/events/schema";
import { cmsMessages } from "@/lib/messages/cms";
import { requireStaff } from "@/server/action";
import { eventOptions } from "../_components/options";
import { saveEventAction } from "../actions";

const m = cmsMessages.events;

export const metadata: Metadata = { title: m.newTitle, robots: { index: false } };

export default async function NewEventPage() {
  const user = await requireStaff("event.create", "/admin/events/new");
  const options = await getEventFormOptions(user);
  // An editor's own office and sector start ticked: their events must include them.
  const initial = {
    ...emptyEventValues,
    sectorIds: user.role === "editor" && user.sectorId !== null ? [String(user.sectorId)] : [],
    organisationIds:
      user.role === "editor" && user.organisationId !== null ? [String(user.organisationId)] : [],
  };
  return (
    <div>
      <PageHeader
        title={m.newTitle}
        back={{ href: "/admin/events", label: cmsMessages.common.back }}
      />
      <EventForm
        action={saveEventAction}
        id={null}
        initial={initial}
        updatedAt={null}
        {...eventOptions(options)}
        permalink="/admin/events/new"
      />
    </div>
  );
}
