import "server-only";
import type { DeskResult } from "@/components/attendance/registration-desk";
import { getRegistrationByCode } from "@/db/queries/registrations/public";
import { getCommitteeInfo } from "@/db/queries/settings";
import { canCancelRegistration, formatEventWhen } from "@/lib/attendance";
import { drawQr } from "@/lib/checkin/qr";
import { formatDateTime } from "@/lib/time";

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
    registeredAt: formatDateTime(registration.createdAt, committee.timeZone),
    cancelledAt: registration.cancelledAt
      ? formatDateTime(registration.cancelledAt, committee.timeZone)
      : null,
    // What the door's scanner reads: the code itself, nothing else (no address to open).
    qr: registration.status === "cancelled" ? null : drawQr(registration.code),
    cancellable:
      registration.status !== "cancelled" && canCancelRegistration(registration.event, new Date()),
  };
}
