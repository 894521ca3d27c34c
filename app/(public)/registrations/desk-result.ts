import "server-only";
import type { DeskResult } from "@/components/attendance/registration-desk";
import { getRegistrationByCode } from "@/db/queries/registrations/public";
import { getCommitteeInfo } from "@/db/queries/settings";
import { canCancelRegistration, formatEventWhen } from "@/lib/attendance";

/** The registration with this (normalised) code as its holder sees it, or null. */
export async function deskResultFor(code: string): Promise<DeskResult | null> {
  const [registration, committee] = await Promise.all([
    getRegistrationByCode(code),
    getCommitteeInfo(),
  ]);
  if (!registration) return null;
  return {
    registration,
    when: formatEventWhen(
      registration.event.startsAt,
      registration.event.endsAt,
      committee.timeZone,
    ),
    timeZone: committee.timeZone,
    cancellable:
      registration.status !== "cancelled" && canCancelRegistration(registration.event, new Date()),
  };
}
