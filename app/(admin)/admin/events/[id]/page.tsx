import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Notice } from "@/components/admin/kit";
import { EventForm } from "@/components/calendar/admin/event-form";
import { getEventForEdit, getEventFormOptions } from "@/db/queries/events/staff";
import { appErrorCodes, type ErrorMessages } from "@/lib/errors";
import { cmsMessages } from "@/lib/messages/cms";
import { cmsGateErrors } from "@/lib/messages/cms/gate";
import { committeeToday, requireStaff } from "@/server/action";
import { EventEditHeader } from "../_components/event-header";
import { EventStatusForm } from "../_components/event-status";
import { eventFormValues, eventOptions } from "../_components/options";
import { saveEventAction } from "../actions";

const m = cmsMessages.events;

export const metadata: Metadata = { title: m.editTitle, robots: { index: false } };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const doneText: Record<string, string> = {
  created: m.created,
  saved: m.saved,
  cancelled: m.cancel.done,
  restored: m.restore.done,
};

export default async function EditEventPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const user = await requireStaff("event.create", `/admin/events/${raw}`);
  if (!/^[1-9]\d{0,8}$/.test(raw)) notFound();
  const found = (await getEventForEdit(user, Number(raw))) ?? notFound();
  const { event, counts } = found;
  const [options, { timeZone: tz }, query] = await Promise.all([
    getEventFormOptions(user, event),
    committeeToday(),
    searchParams,
  ]);
  const cancelled = event.status === "cancelled";
  const done = typeof query.done === "string" ? (doneText[query.done] ?? null) : null;
  const code = appErrorCodes.find((c) => c === query.error);
  const refusal = code ? (cmsGateErrors as ErrorMessages)[code] : undefined;
  return (
    <div>
      <EventEditHeader
        event={event}
        confirmed={counts.confirmed}
        waitlisted={counts.waitlisted}
        timeZone={tz}
      >
        <Notice>{done}</Notice>
        {refusal && <Notice tone="error">{refusal}</Notice>}
      </EventEditHeader>
      {cancelled && <Notice tone="error">{m.cancelledNotice}</Notice>}
      <EventForm
        action={saveEventAction}
        id={event.id}
        initial={eventFormValues(event, tz)}
        updatedAt={event.updatedAt.toISOString()}
        {...eventOptions(options)}
        permalink={`/admin/events/${event.id}`}
      />
      <EventStatusForm id={event.id} cancelled={cancelled} />
    </div>
  );
}
