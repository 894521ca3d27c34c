"use server";

import type { DeskResult, DeskState } from "@/components/attendance/registration-desk";
import { cancelRegistration } from "@/db/queries/registrations/write";
import { normalizeRegistrationCode } from "@/lib/attendance";
import { formText } from "@/lib/auth/forms";
import { isAppError } from "@/lib/errors";
import { controlCharacterRefusal, doneForm, refusedForm } from "@/lib/form-state";
import { attendanceMessages } from "@/lib/messages/attendance";
import { deskResultFor } from "./desk-result";
import { lookupMisses } from "./lookup-limit";

const m = attendanceMessages;
type Values = DeskState["values"];

/**
 * The registration desk (public: the code is the key): `intent=lookup` shows the
 * registration with the code posted, `intent=cancel` cancels it. The code comes in the
 * POST body only, so it reaches no URL, proxy or access log; the answer is the desk's
 * state, rendered in place or, without JavaScript, by /registrations. Codes that do not
 * exist count as misses per IP (lookup-limit.ts), the guessing brake.
 */
export async function registrationDeskAction(
  _previous: DeskState,
  formData: FormData,
): Promise<DeskState> {
  const values = { code: formText(formData.get("code"), 40) };
  const garbled: DeskState | null = controlCharacterRefusal(formData, values, ["code"]);
  if (garbled) return garbled;
  const code = normalizeRegistrationCode(values.code);
  if (!code) return refusedForm(values, m.lookup.invalid, { code: m.lookup.invalid });
  const misses = await lookupMisses();
  if (await misses.blocked()) {
    return refusedForm(values, m.lookup.rateLimited, { code: m.lookup.rateLimited });
  }
  if (formData.get("intent") === "cancel") return cancel(code, values, formData, misses);

  const shown = await deskResultFor(code);
  if (!shown) {
    await misses.miss();
    return refusedForm(values, m.lookup.notFound, { code: m.lookup.notFound });
  }
  return doneForm(values, null, shown);
}

async function cancel(
  code: string,
  values: Values,
  formData: FormData,
  misses: Awaited<ReturnType<typeof lookupMisses>>,
): Promise<DeskState> {
  const refusedWith = async (message: string): Promise<DeskState> => {
    const shown = await deskResultFor(code);
    if (!shown) {
      await misses.miss();
      return refusedForm(values, m.lookup.notFound, { code: m.lookup.notFound });
    }
    return withResult(refusedForm(values, message), shown);
  };
  const errors = m.confirmation.cancelErrors;
  if (formData.get("confirm") !== "yes") return refusedWith(errors.confirm_required);
  try {
    await cancelRegistration({ code, ip: misses.ip });
  } catch (error) {
    if (isAppError(error) && error.code in errors) {
      return refusedWith(errors[error.code as keyof typeof errors]);
    }
    console.error("[attendance] cancellation failed:", error);
    return refusedWith(errors.unavailable);
  }
  const shown = await deskResultFor(code);
  return shown
    ? doneForm(values, m.confirmation.cancelDone, shown)
    : refusedForm(values, m.lookup.notFound);
}

function withResult(state: DeskState, result: DeskResult): DeskState {
  return { ...state, result };
}
