"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cancelRegistration } from "@/db/queries/registrations";
import { AttendanceError, attendanceRateLimits, normalizeRegistrationCode } from "@/lib/attendance";
import { clientIpFrom } from "@/lib/client-ip";
import { sharedRateLimiter } from "@/server/rate-limit";

/**
 * Cancels the registration whose code the form carries (public: the code is the key).
 * Always answers with a redirect to the registration's page, with `?cancelled=1` or
 * `?error=<code>`, so it works as a plain form post without JavaScript.
 */
export async function cancelRegistrationAction(formData: FormData): Promise<void> {
  const raw = formData.get("code");
  const code = typeof raw === "string" ? normalizeRegistrationCode(raw) : null;
  if (!code) redirect("/registrations");
  const page = `/registrations/${code}`;
  if (formData.get("confirm") !== "yes") redirect(`${page}?error=confirm_required`);

  const ip = clientIpFrom(await headers());
  const misses = sharedRateLimiter("attendance:lookup-miss", attendanceRateLimits.lookupMiss);
  if (!(await misses.peek(ip)).allowed) redirect(`${page}?error=rate_limited`);

  let outcome: string;
  try {
    await cancelRegistration({ code, ip });
    outcome = "cancelled=1";
  } catch (error) {
    if (error instanceof AttendanceError) {
      if (error.code === "not_found") await misses.consume(ip);
      outcome = `error=${error.code}`;
    } else {
      console.error("[attendance] cancellation failed:", error);
      outcome = "error=unavailable";
    }
  }
  redirect(`${page}?${outcome}`);
}
