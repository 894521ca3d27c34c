"use server";

import { headers } from "next/headers";
import type { ResendState } from "@/components/attendance/resend-code-form";
import { formText } from "@/lib/auth/forms";
import { clientIpFrom } from "@/lib/client-ip";
import { controlCharacterRefusal, doneForm, refusedForm } from "@/lib/form-state";
import { checkinMessages } from "@/lib/messages/checkin";
import { requestCodeResend } from "@/server/checkin/resend";

const m = checkinMessages.resend;

/**
 * Sends a lost registration code again (public, no login): one answer for every phone
 * of the right shape, whether or not it registered (server/checkin/resend.ts), limited
 * per IP and per phone. The phone typed is kept only on a refusal.
 */
export async function resendCodeAction(
  _previous: ResendState,
  formData: FormData,
): Promise<ResendState> {
  const values = {
    eventId: formText(formData.get("eventId"), 12),
    phone: formText(formData.get("phone"), 40),
  };
  const garbled: ResendState | null = controlCharacterRefusal(formData, values, ["phone"]);
  if (garbled) return garbled;
  const eventId = Number(values.eventId);
  if (!Number.isSafeInteger(eventId) || eventId <= 0) return refusedForm(values, m.invalidPhone);
  const answer = await requestCodeResend({
    eventId,
    phone: values.phone,
    ip: clientIpFrom(await headers()),
  });
  switch (answer.status) {
    case "answered":
      return doneForm({ ...values, phone: "" }, m.answer);
    case "invalid_phone":
      return refusedForm(values, m.invalidPhone, { phone: m.invalidPhone });
    case "no_sms":
      return refusedForm(values, m.noSms);
    case "rate_limited":
      return refusedForm(values, m.rateLimited(answer.minutes));
  }
}
