"use server";

import { redirect } from "next/navigation";
import { readFormValues } from "@/components/admin/content/form-state";
import { actorOf, messageForError, requireStaff } from "@/components/admin/content/staff";
import { CmsError } from "@/db/queries/admin-content";
import { saveEvent, setEventCancelled } from "@/db/queries/admin-events";
import { getCommitteeInfo } from "@/db/queries/settings";
import { cmsMessages } from "@/lib/messages/cms";
import { type EventFormState, eventListFields, eventTextFields, parseEventForm } from "./schema";

const m = cmsMessages;

function idFrom(value: FormDataEntryValue | null): number | null {
  return typeof value === "string" && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;
}

/** Saves an event: staff who may, valid input, scope checked in the query, then the public pages refresh. */
export async function saveEventAction(
  _previous: EventFormState,
  formData: FormData,
): Promise<EventFormState> {
  const user = await requireStaff("event.create");
  const id = idFrom(formData.get("id"));
  const values = readFormValues(formData, eventTextFields, eventListFields);
  const refuse = (
    message: string,
    fieldErrors: EventFormState["fieldErrors"] = {},
  ): EventFormState => ({
    values,
    fieldErrors,
    message,
    tone: "error",
  });
  const { timeZone } = await getCommitteeInfo();
  const parsed = parseEventForm(values, timeZone);
  if (!parsed.ok) return refuse(m.common.errorSummary, parsed.fieldErrors);
  const { startsAt, endsAt, ...rest } = parsed.data;
  if (!startsAt || !endsAt) return refuse(m.common.errorSummary);

  const updatedAt = formData.get("updatedAt");
  let saved: { id: number };
  try {
    saved = await saveEvent(await actorOf(user), id, {
      ...rest,
      startsAt,
      endsAt,
      expectedUpdatedAt: typeof updatedAt === "string" && updatedAt ? new Date(updatedAt) : null,
    });
  } catch (error) {
    const message = messageForError(error, "event save");
    const field = error instanceof CmsError ? error.field : undefined;
    const key = field === "organisers" ? "organisationIds" : field;
    return refuse(message, key && key in values ? { [key]: message } : {});
  }
  redirect(`/admin/events/${saved.id}?done=${id === null ? "created" : "saved"}`);
}

async function changeCancellation(formData: FormData, cancelled: boolean): Promise<void> {
  const user = await requireStaff("event.edit");
  const id = idFrom(formData.get("id"));
  if (id === null) redirect("/admin/events");
  const reasonValue = formData.get("reason");
  const reason = typeof reasonValue === "string" ? reasonValue.trim().slice(0, 200) : "";
  try {
    await setEventCancelled(await actorOf(user), id, cancelled, reason);
  } catch (error) {
    const code = error instanceof CmsError ? error.code : "unexpected";
    if (code === "unexpected") console.error("[cms] event cancel failed:", error);
    redirect(`/admin/events/${id}?error=${code}`);
  }
  redirect(`/admin/events/${id}?done=${cancelled ? "cancelled" : "restored"}`);
}

export async function cancelEventAction(formData: FormData): Promise<void> {
  await changeCancellation(formData, true);
}

export async function restoreEventAction(formData: FormData): Promise<void> {
  await changeCancellation(formData, false);
}
