"use server";

import { scanCheckIn } from "@/db/queries/registrations/staff";
import { getCommitteeInfo } from "@/db/queries/settings";
import { AppError, type ErrorMessages } from "@/lib/errors";
import { doneForm, type FormState, idFromForm, refusedForm } from "@/lib/form-state";
import { checkinMessages } from "@/lib/messages/checkin";
import { cmsGateErrors } from "@/lib/messages/cms/gate";
import { formatDateTime } from "@/lib/time";
import { gatedAction } from "@/server/action";

const m = checkinMessages.staff;

type Values = { eventId: string; code: string };
/** `result.outcome` tells the page how to colour the answer; `message` says it. */
export type ScanState = FormState<Values, { outcome: "checked_in" | "already" }>;

function refusal(error: AppError): string {
  if (error.code === "not_found") return m.notFound;
  if (error.code === "invalid_state" && error.field === "waitlisted") return m.waitlisted;
  if (error.code === "invalid_state" && error.field === "cancelled") return m.cancelled;
  return (cmsGateErrors as ErrorMessages)[error.code] ?? cmsGateErrors.invalid;
}

/**
 * The door's scanner: a code read by the camera or typed. Same gate and permission as the
 * console's check-in (registration.view, scoped to the event in the query); a second scan
 * answers with the time of the first (Asia/Shanghai, the committee's zone).
 */
export async function scanCheckInAction(
  _previous: ScanState,
  formData: FormData,
): Promise<ScanState> {
  return gatedAction<
    Values,
    { eventId: number; code: string },
    { outcome: "checked_in" | "already" }
  >(formData, {
    label: "scan check-in",
    permission: "registration.view",
    onForbidden: "not-found",
    fields: ["eventId", "code"],
    errors: cmsGateErrors,
    parse: (values) => {
      const eventId = idFromForm(formData, "eventId");
      if (eventId === null) return { ok: false, fieldErrors: {}, message: cmsGateErrors.not_found };
      const code = values.code.trim().slice(0, 40);
      if (!code)
        return { ok: false, fieldErrors: { code: m.codeRequired }, message: m.codeRequired };
      return { ok: true, data: { eventId, code } };
    },
    run: async ({ eventId, code }, actor, values) => {
      const cleared = { ...values, code: "" };
      try {
        const result = await scanCheckIn(actor, eventId, code);
        if (result.outcome === "checked_in") {
          return doneForm(cleared, m.done(result.name), { outcome: "checked_in" });
        }
        const { timeZone } = await getCommitteeInfo();
        return doneForm(
          cleared,
          m.already(result.name, formatDateTime(result.checkedInAt, timeZone)),
          {
            outcome: "already",
          },
        );
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const message = refusal(error);
        return refusedForm(values, message, { code: message });
      }
    },
  });
}
