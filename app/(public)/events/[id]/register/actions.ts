"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { registerForEvent } from "@/db/queries/registrations";
import {
  AttendanceError,
  attendanceRateLimits,
  HONEYPOT_FIELD,
  isHoneypotFilled,
  parseRegistrationInput,
  type RegistrationFormState,
} from "@/lib/attendance";
import { clientIpFrom } from "@/lib/client-ip";
import { fillMessage, attendanceMessages as m } from "@/lib/messages/attendance";
import { sharedRateLimiter } from "@/server/rate-limit";

/** Long enough for anything a person types into these fields; a flood is cut, not echoed. */
const ECHO_LIMIT = 200;
const text = (value: FormDataEntryValue | null) =>
  typeof value === "string" ? value.slice(0, ECHO_LIMIT) : "";

/**
 * The registration form's action (public, no login): honeypot, validate, rate-limit
 * per IP, then register under the event's row lock. Success goes to the confirmation
 * page; every refusal comes back with what was typed. Works as a plain form post too.
 */
export async function submitRegistration(
  _previous: RegistrationFormState,
  formData: FormData,
): Promise<RegistrationFormState> {
  const values = {
    name: text(formData.get("name")),
    phone: text(formData.get("phone")),
    organisation: text(formData.get("organisation")),
    consent: formData.get("consent") === "yes",
  };
  const refuse = (
    message: string,
    fieldErrors: RegistrationFormState["fieldErrors"] = {},
  ): RegistrationFormState => ({ values, fieldErrors, message });

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
    if (error instanceof AttendanceError && error.code in m.errors) {
      const message = m.errors[error.code as keyof typeof m.errors];
      return refuse(
        message,
        error.code === "duplicate_phone" ? { phone: m.fieldErrors.phoneDuplicate } : {},
      );
    }
    console.error("[attendance] registration failed:", error);
    return refuse(m.errors.unavailable);
  }
  // Outside the try: redirect() works by throwing.
  redirect(`/registrations/${code}?new=1`);
}
