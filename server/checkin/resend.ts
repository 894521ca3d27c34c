import "server-only";
import type { Database } from "@/db/client";
import { phoneIndex } from "@/db/encryption/fields";
import { resendRegistrationCodeIn } from "@/db/queries/registrations/resend";
import { getDb } from "@/db/runtime";
import { isMainlandMobile, normalizePhone } from "@/lib/attendance";
import { sharedRateLimiter } from "@/server/rate-limit";
import { smsConfigured } from "./sms";

/** Per client IP, and per phone (by its blind index: no number in clear in Redis). */
export const resendRateLimits = {
  ip: { limit: 10, windowMs: 10 * 60_000 },
  phone: { limit: 3, windowMs: 60 * 60_000 },
} as const;

export type ResendAnswer =
  /** The one answer whether or not the phone registered. */
  | { status: "answered" }
  | { status: "invalid_phone" }
  | { status: "no_sms" }
  | { status: "rate_limited"; minutes: number };

/**
 * "Send my code again": checks the phone's shape, that SMS is on, the limits per IP and
 * per phone, then writes the message when a live registration exists (db/queries/
 * registrations/resend.ts). Everything after the shape check answers alike for a phone
 * that registered and one that did not.
 */
export async function requestCodeResendIn(
  db: Database,
  request: { eventId: number; phone: string; ip: string },
  now = new Date(),
): Promise<ResendAnswer> {
  const phone = normalizePhone(request.phone);
  if (!isMainlandMobile(phone)) return { status: "invalid_phone" };
  if (!smsConfigured()) return { status: "no_sms" };
  const byIp = await sharedRateLimiter("attendance:resend-ip", resendRateLimits.ip).consume(
    request.ip,
  );
  if (!byIp.allowed) return limited(byIp.retryAfterSeconds);
  const byPhone = await sharedRateLimiter(
    "attendance:resend-phone",
    resendRateLimits.phone,
  ).consume(phoneIndex(phone));
  if (!byPhone.allowed) return limited(byPhone.retryAfterSeconds);
  try {
    await resendRegistrationCodeIn(db, { eventId: request.eventId, phone }, now);
  } catch (error) {
    // Logged, and answered as always: a fault must not tell registered from not.
    console.error("[attendance] code resend failed:", error);
  }
  return { status: "answered" };
}

const limited = (seconds: number): ResendAnswer => ({
  status: "rate_limited",
  minutes: Math.max(1, Math.ceil(seconds / 60)),
});

export async function requestCodeResend(request: { eventId: number; phone: string; ip: string }) {
  return requestCodeResendIn(await getDb(), request);
}
