import type { SeatSummary } from "@/db/queries/registrations/public";
import {
  acceptsRegistrations,
  computeRegistrationState,
  freeSeats,
  registrationClosesAt,
} from "@/lib/attendance";
import { attendanceMessages } from "@/lib/messages/attendance";
import { formatDateTime } from "@/lib/time";
import type { RegistrationPanelEvent } from "./registration-panel";

const m = attendanceMessages.call;

/**
 * The event page's main action, just under the title: 我要报名, a link down to the
 * registration form (a plain anchor, so it works without JavaScript), with the seats left
 * and the closing time. Nothing when the event takes no registrations now.
 */
export function RegisterCall({
  event,
  seats,
  timeZone,
}: {
  event: RegistrationPanelEvent;
  seats: SeatSummary | null;
  timeZone: string;
}) {
  if (!event.openToPublic || !seats) return null;
  const state = computeRegistrationState(event, new Date(), seats.confirmed);
  if (!acceptsRegistrations(state)) return null;
  const free = freeSeats(event.capacity, seats.confirmed);
  const closes = formatDateTime(registrationClosesAt(event), timeZone);
  return (
    <div className="flex flex-col gap-3 rounded-lg border-2 border-brand-600 bg-brand-50 p-4 sm:flex-row sm:items-center sm:justify-between">
      <p className="text-ink">
        <span className="block font-semibold">
          {state === "full" ? m.full : free === null ? m.open : m.seatsLeft(free)}
        </span>
        <span className="block text-sm text-muted">{m.closes(closes)}</span>
      </p>
      <a
        href={`#registration-${event.id}`}
        className="inline-flex items-center justify-center rounded-md bg-brand-700 px-8 py-3 text-lg font-bold text-white hover:bg-brand-800"
      >
        {state === "full" ? m.buttonWaitlist : m.button}
      </a>
    </div>
  );
}
