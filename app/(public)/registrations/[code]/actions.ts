"use server";

import { redirect } from "next/navigation";
import { cancelRegistration } from "@/db/queries/registrations/write";
import { normalizeRegistrationCode } from "@/lib/attendance";
import { isAppError } from "@/lib/errors";
import { lookupMisses } from "../lookup-limit";

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

  const misses = await lookupMisses();
  if (await misses.blocked()) redirect(`${page}?error=rate_limited`);

  let outcome: string;
  try {
    await cancelRegistration({ code, ip: misses.ip });
    outcome = "cancelled=1";
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === "not_found") await misses.miss();
      outcome = `error=${error.code}`;
    } else {
      console.error("[attendance] cancellation failed:", error);
      outcome = "error=unavailable";
    }
  }
  redirect(`${page}?${outcome}`);
}
