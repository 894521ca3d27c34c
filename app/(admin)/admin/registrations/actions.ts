"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/components/admin/content/form-state";
import { actorOf, messageForError, requireStaff } from "@/components/admin/content/staff";
import { CmsError } from "@/db/queries/admin-content";
import { checkIn, revealPhone } from "@/db/queries/admin-registrations";
import { cmsMessages } from "@/lib/messages/cms";

const m = cmsMessages.registrations;

export type CheckInState = FormState<{ code: string }>;
export type RevealState = FormState<Record<string, never>, { name: string; phone: string }>;

function idFrom(value: FormDataEntryValue | null): number | null {
  return typeof value === "string" && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;
}

function checkInRefusal(error: unknown): string {
  if (error instanceof CmsError) {
    if (error.code === "not_found") return m.checkIn.notFound;
    if (error.code === "invalid_state") {
      if (error.field === "waitlisted") return m.checkIn.waitlisted;
      if (error.field === "cancelled") return m.checkIn.cancelled;
      if (error.field === "checked_in") return m.checkIn.already;
    }
  }
  return messageForError(error, "check-in");
}

/** Checks a registrant in by the code they show at the door. */
export async function checkInByCodeAction(
  _previous: CheckInState,
  formData: FormData,
): Promise<CheckInState> {
  const user = await requireStaff("registration.view");
  const eventId = idFrom(formData.get("eventId"));
  const raw = formData.get("code");
  const code = typeof raw === "string" ? raw.slice(0, 40) : "";
  if (eventId === null)
    return {
      values: { code },
      fieldErrors: {},
      message: cmsMessages.errors.not_found,
      tone: "error",
    };
  if (!code.trim()) {
    return {
      values: { code },
      fieldErrors: { code: m.checkIn.codeRequired },
      message: m.checkIn.codeRequired,
      tone: "error",
    };
  }
  try {
    const { name } = await checkIn(await actorOf(user), eventId, { code });
    // Cleared for the next person in the queue.
    return {
      values: { code: "" },
      fieldErrors: {},
      message: m.checkIn.done(name),
      tone: "success",
    };
  } catch (error) {
    const message = checkInRefusal(error);
    return { values: { code }, fieldErrors: { code: message }, message, tone: "error" };
  }
}

/** Checks in one row of the list (a plain form post), then back to the list with a notice. */
export async function checkInRowAction(formData: FormData): Promise<void> {
  const user = await requireStaff("registration.view");
  const eventId = idFrom(formData.get("eventId"));
  const registrationId = idFrom(formData.get("registrationId"));
  if (eventId === null || registrationId === null) redirect("/admin/registrations");
  try {
    await checkIn(await actorOf(user), eventId, { registrationId });
  } catch (error) {
    const refusal =
      error instanceof CmsError && error.code === "invalid_state" && error.field
        ? error.field
        : error instanceof CmsError
          ? error.code
          : "unexpected";
    if (refusal === "unexpected") console.error("[cms] check-in failed:", error);
    redirect(`/admin/registrations/${eventId}?error=${refusal}`);
  }
  redirect(`/admin/registrations/${eventId}?checked=${registrationId}#r${registrationId}`);
}

/** One phone number in clear for an admin; written to the audit log before it is shown. */
export async function revealPhoneAction(
  _previous: RevealState,
  formData: FormData,
): Promise<RevealState> {
  const user = await requireStaff("phone.reveal", { roles: ["admin"] });
  const registrationId = idFrom(formData.get("registrationId"));
  const base = { values: {}, fieldErrors: {} };
  if (registrationId === null)
    return { ...base, message: cmsMessages.errors.not_found, tone: "error" };
  try {
    const revealed = await revealPhone(await actorOf(user), registrationId);
    return { ...base, message: null, result: { name: revealed.name, phone: revealed.phone } };
  } catch (error) {
    return { ...base, message: messageForError(error, "reveal phone"), tone: "error" };
  }
}
