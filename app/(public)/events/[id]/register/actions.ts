"use server";

import { headers } from "next/headers";
import type { RegistrationAnswer } from "@/components/attendance/registration-form";
import { registerForEvent } from "@/db/queries/registrations/write";
import {
  attendanceRateLimits,
  HONEYPOT_FIELD,
  isHoneypotFilled,
  parseRegistrationInput,
  readRegistrationValues,
} from "@/lib/attendance";
import { clientIpFrom } from "@/lib/client-ip";
import { isAppError } from "@/lib/errors";
import { controlCharacterRefusal, doneForm, refusedForm } from "@/lib/form-state";
import {
  fillMessage,
  attendanceMessages as m,
  registrationErrors,
} from "@/lib/messages/attendance";
import { sharedRateLimiter } from "@/server/rate-limit";
import { deskResultFor } from "../../../registrations/desk-result";

/**
 * The registration form's action (public, no login, so not the staff gate): honeypot,
 * validate, rate-limit per IP, then register under the event's row lock. Success answers
 * with the registration (its code, status, cancel form) in the form's place, never with a
 * redirect to an address holding the code; every refusal comes back as the one FormState
 * with what was typed. Works as a plain form post too.
 */
export async function submitRegistration(
  _previous: RegistrationAnswer,
  formData: FormData,
): Promise<RegistrationAnswer> {
  const values = readRegistrationValues(formData);
  const refuse = (message: string, fieldErrors: RegistrationAnswer["fieldErrors"] = {}) =>
    refusedForm(values, message, fieldErrors);
  const garbled: RegistrationAnswer | null = controlCharacterRefusal(formData, values);
  if (garbled) return garbled;

  const eventId = Number(formData.get("eventId"));
  if (!Number.isSafeInteger(eventId) || eventId <= 0) return refuse(m.errors.not_found);

  const ip = clientIpFrom(await headers());
  const limiter = sharedRateLimiter("attendance:registration", attendanceRateLimits.registration);

  if (isHoneypotFilled(formData.get(HONEYPOT_FIELD))) {
    await limiter.consume(ip);
    console.warn(`[attendance] honeypot filled: event ${eventId}, ip ${ip}; nothing registered`);
    return refuse(m.errors.spam);
  }

  const parsed = parseRegistrationInput({
    name: formData.get("name"),
    phone: formData.get("phone"),
    organisation: formData.get("organisation"),
    consent: formData.get("consent"),
  });
  if (!parsed.ok) return refuse(m.form.errorSummary, parsed.fieldErrors);

  const allowed = await limiter.consume(ip);
  if (!allowed.allowed) {
    const minutes = Math.max(1, Math.ceil(allowed.retryAfterSeconds / 60));
    return refuse(fillMessage(m.errors.rate_limited, { minutes }));
  }

  let code: string;
  try {
    ({ code } = await registerForEvent({ ...parsed.data, eventId, ip }));
  } catch (error) {
    const message = isAppError(error) ? registrationErrors[error.code] : undefined;
    if (isAppError(error) && message) {
      return refuse(
        message,
        error.code === "duplicate_phone" ? { phone: m.fieldErrors.phoneDuplicate } : {},
      );
    }
    console.error("[attendance] registration failed:", error);
    return refuse(m.errors.unavailable);
  }
  const shown = await deskResultFor(code);
  // Registered, yet not readable back (the database went away): the code is what matters.
  if (!shown) return refuse(fillMessage(m.confirmation.createdUnreadable, { code }));
  // What was typed is not sent back: the phone stays out of the answer (masked in `shown`).
  return doneForm(
    { name: "", phone: "", organisation: "", consent: "" },
    m.confirmation.created,
    shown,
  );
}
