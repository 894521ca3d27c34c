"use server";

import { redirect } from "next/navigation";
import { saveEvent, setEventCancelled } from "@/db/queries/events/write";
import { getCommitteeInfo } from "@/db/queries/settings";
import { AppError } from "@/lib/errors";
import {
  type EventFormState,
  type EventFormValues,
  type EventInput,
  eventListFields,
  eventTextFields,
  parseEventForm,
} from "@/lib/events/schema";
import { idFromForm } from "@/lib/form-state";
import { cmsGateErrors } from "@/lib/messages/cms/gate";
import { gatedAction } from "@/server/action";

/** Saves an event: staff who may, valid input, scope checked in the query, then the public pages refresh. */
export async function saveEventAction(
  _previous: EventFormState,
  formData: FormData,
): Promise<EventFormState> {
  const id = idFromForm(formData, "id");
  return gatedAction<EventFormValues, EventInput>(formData, {
    label: "event save",
    // Creating and editing are both checked again in the query, against the event's scope.
    permission: "event.create",
    onForbidden: "not-found",
    fields: eventTextFields,
    multi: eventListFields,
    errors: cmsGateErrors,
    parse: async (values) => {
      const { timeZone } = await getCommitteeInfo();
      const parsed = parseEventForm(values, timeZone);
      if (!parsed.ok) return parsed;
      const { startsAt, endsAt, ...rest } = parsed.data;
      if (!startsAt || !endsAt) return { ok: false, fieldErrors: {} };
      const updatedAt = formData.get("updatedAt");
      const expectedUpdatedAt =
        typeof updatedAt === "string" && updatedAt ? new Date(updatedAt) : null;
      return { ok: true, data: { ...rest, startsAt, endsAt, expectedUpdatedAt } };
    },
    run: async (input, actor) => {
      let saved: { id: number };
      try {
        saved = await saveEvent(actor, id, input);
      } catch (error) {
        // The query names the organisers; the form shows that under its organisations.
        if (error instanceof AppError && error.field === "organisers") {
          throw new AppError(error.code, "organisationIds");
        }
        throw error;
      }
      redirect(`/admin/events/${saved.id}?done=${id === null ? "created" : "saved"}`);
    },
  });
}

/** Calls an event off or back on (a plain form post), then back to the event with a notice. */
async function changeCancellation(formData: FormData, cancelled: boolean): Promise<void> {
  await gatedAction<{ id: string; reason: string }, { id: number; reason: string }>(formData, {
    label: "event cancel",
    permission: "event.edit",
    onForbidden: "not-found",
    fields: ["id", "reason"],
    errors: cmsGateErrors,
    parse: (values) => {
      const id = idFromForm(formData, "id");
      if (id === null) redirect("/admin/events");
      return { ok: true, data: { id, reason: values.reason.trim().slice(0, 200) } };
    },
    run: async ({ id, reason }, actor) => {
      try {
        await setEventCancelled(actor, id, cancelled, reason);
      } catch (error) {
        if (error instanceof AppError) redirect(`/admin/events/${id}?error=${error.code}`);
        throw error;
      }
      redirect(`/admin/events/${id}?done=${cancelled ? "cancelled" : "restored"}`);
    },
  });
  // Only a fault comes back here (the gate has logged it).
  redirect(`/admin/events/${idFromForm(formData, "id")}?error=unexpected`);
}

export async function cancelEventAction(formData: FormData): Promise<void> {
  await changeCancellation(formData, true);
}

export async function restoreEventAction(formData: FormData): Promise<void> {
  await changeCancellation(formData, false);
}
