"use server";

import { redirect } from "next/navigation";
import { checkIn, revealPhone } from "@/db/queries/registrations/staff";
import { AppError, type ErrorMessages } from "@/lib/errors";
import { doneForm, type FormState, idFromForm, refusedForm } from "@/lib/form-state";
import { cmsMessages } from "@/lib/messages/cms";
import { cmsGateErrors } from "@/lib/messages/cms/gate";
import { gatedAction } from "@/server/action";

const m = cmsMessages.registrations;

type CheckInValues = { eventId: string; code: string };
export type CheckInState = FormState<CheckInValues>;
export type RevealState = FormState<{ registrationId: string }, { name: string; phone: string }>;

/** The check-in's words for a refusal: not found, still waiting, cancelled, already in. */
function checkInRefusal(error: AppError): string {
  if (error.code === "not_found") return m.checkIn.notFound;
  if (error.code === "invalid_state") {
    if (error.field === "waitlisted") return m.checkIn.waitlisted;
    if (error.field === "cancelled") return m.checkIn.cancelled;
    if (error.field === "checked_in") return m.checkIn.already;
  }
  return (cmsGateErrors as ErrorMessages)[error.code] ?? cmsGateErrors.invalid;
}

/** Checks a registrant in by the code they show at the door. */
export async function checkInByCodeAction(
  _previous: CheckInState,
  formData: FormData,
): Promise<CheckInState> {
  return gatedAction<CheckInValues, { eventId: number; code: string }>(formData, {
    label: "check-in",
    permission: "registration.view",
    onForbidden: "not-found",
    fields: ["eventId", "code"],
    errors: cmsGateErrors,
    parse: (values) => {
      const eventId = idFromForm(formData, "eventId");
      if (eventId === null) return { ok: false, fieldErrors: {}, message: cmsGateErrors.not_found };
      const code = values.code.slice(0, 40);
      if (!code.trim()) {
        const message = m.checkIn.codeRequired;
        return { ok: false, fieldErrors: { code: message }, message };
      }
      return { ok: true, data: { eventId, code } };
    },
    run: async ({ eventId, code }, actor, values) => {
      try {
        const { name } = await checkIn(actor, eventId, { code });
        // Cleared for the next person in the queue.
        return doneForm({ ...values, code: "" }, m.checkIn.done(name));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const message = checkInRefusal(error);
        return refusedForm(values, message, { code: message });
      }
    },
  });
}

/** Checks in one row of the list (a plain form post), then back to the list with a notice. */
export async function checkInRowAction(formData: FormData): Promise<void> {
  const target = {
    eventId: idFromForm(formData, "eventId"),
    id: idFromForm(formData, "registrationId"),
  };
  await gatedAction<{ eventId: string }, { eventId: number; registrationId: number }>(formData, {
    label: "check-in",
    permission: "registration.view",
    onForbidden: "not-found",
    fields: ["eventId"],
    errors: cmsGateErrors,
    parse: () => {
      const { eventId, id: registrationId } = target;
      if (eventId === null || registrationId === null) redirect("/admin/registrations");
      return { ok: true, data: { eventId, registrationId } };
    },
    run: async ({ eventId, registrationId }, actor) => {
      try {
        await checkIn(actor, eventId, { registrationId });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const refusal = error.code === "invalid_state" && error.field ? error.field : error.code;
        redirect(`/admin/registrations/${eventId}?error=${refusal}`);
      }
      redirect(`/admin/registrations/${eventId}?checked=${registrationId}#r${registrationId}`);
    },
  });
  // Only a fault comes back here (the gate has logged it).
  redirect(`/admin/registrations/${target.eventId}?error=unexpected`);
}

/** One phone number in clear for an admin; written to the audit log before it is shown. */
export async function revealPhoneAction(
  _previous: RevealState,
  formData: FormData,
): Promise<RevealState> {
  return gatedAction<{ registrationId: string }, number, { name: string; phone: string }>(
    formData,
    {
      label: "reveal phone",
      permission: "phone.reveal",
      roles: ["admin"],
      onForbidden: "not-found",
      fields: ["registrationId"],
      errors: cmsGateErrors,
      parse: () => {
        const id = idFromForm(formData, "registrationId");
        return id === null
          ? { ok: false, fieldErrors: {}, message: cmsGateErrors.not_found }
          : { ok: true, data: id };
      },
      run: async (registrationId, actor, values) => {
        const { name, phone } = await revealPhone(actor, registrationId);
        return doneForm(values, null, { name, phone });
      },
    },
  );
}
