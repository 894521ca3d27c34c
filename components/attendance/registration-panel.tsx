import Link from "next/link";
import type { SeatSummary } from "@/db/queries/registrations/public";
import {
  acceptsRegistrations,
  computeRegistrationState,
  freeSeats,
  HONEYPOT_FIELD,
  type RegistrationState,
  type RegistrationWindow,
  registrationClosesAt,
} from "@/lib/attendance";
import { attendanceMessages } from "@/lib/messages/attendance";
import { registrationFormMessages } from "@/lib/messages/registration-desk";
import { formatDateTime } from "@/lib/time";
import type { DeskAction } from "./registration-desk";
import { idleRegistration, RegistrationFields } from "./registration-fields";
import { type RegistrationAction, RegistrationForm } from "./registration-form";

/**
 * The open-attendance box on an event page: free seats and the registration form.
 * Contract used by the event page and the registration page, which read the seats and
 * pass the server action:
 *   <RegistrationPanel event={…} seats={…} action={submitRegistration}
 *     deskAction={registrationDeskAction} timeZone={…} />
 * Renders nothing for an event that is not open to the public (or without seats read).
 */
export interface RegistrationPanelEvent extends RegistrationWindow {
  id: number;
  title: string;
}

const m = attendanceMessages.panel;

const badgeClass: Record<Exclude<RegistrationState, "not_public">, string> = {
  open: "bg-emerald-50 text-emerald-800 ring-emerald-700/30",
  full: "bg-gold-100 text-gold-700 ring-gold-700/30",
  not_open: "bg-stone-100 text-stone-700 ring-stone-500/30",
  closed: "bg-stone-100 text-stone-700 ring-stone-500/30",
  event_cancelled: "bg-stone-200 text-stone-800 ring-stone-500/30",
};

export function RegistrationPanel({
  event,
  seats,
  action,
  deskAction,
  timeZone,
}: {
  event: RegistrationPanelEvent;
  /** null when the event is not open to the public (nothing read, nothing shown). */
  seats: SeatSummary | null;
  action: RegistrationAction;
  /** Shows the registration once made (app/(public)/registrations/actions.ts). */
  deskAction: DeskAction;
  timeZone: string;
}) {
  if (!event.openToPublic || !seats) return null;
  const state = computeRegistrationState(event, new Date(), seats.confirmed);
  if (state === "not_public") return null;
  const free = freeSeats(event.capacity, seats.confirmed);
  const headingId = `registration-${event.id}`;

  const figures: { label: string; value: string }[] = [
    { label: m.capacity, value: event.capacity === null ? m.unlimited : `${event.capacity}` },
    { label: m.confirmed, value: `${seats.confirmed}` },
    state === "full" || seats.waitlisted > 0
      ? { label: m.waitlist, value: `${seats.waitlisted}` }
      : { label: m.free, value: free === null ? m.unlimited : `${free}` },
  ];

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-6"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="font-serif text-xl font-bold text-brand-800">
          {m.title}
        </h2>
        <p
          className={`rounded-full px-3 py-0.5 text-sm font-semibold ring-1 ring-inset ${badgeClass[state]}`}
        >
          {m.states[state]}
        </p>
      </div>

      {state !== "event_cancelled" && (
        <>
          <dl className="mt-4 grid grid-cols-3 divide-x divide-stone-200 rounded-md bg-paper text-center">
            {figures.map((f) => (
              <div key={f.label} className="px-2 py-3">
                <dt className="text-sm text-muted">{f.label}</dt>
                <dd className="font-serif text-2xl font-bold text-ink">
                  {f.value}
                  {f.value !== m.unlimited && (
                    <span className="ml-0.5 text-sm font-normal text-muted">{m.people}</span>
                  )}
                </dd>
              </div>
            ))}
          </dl>
          <p className="mt-3 text-sm">
            <span className="font-medium">{m.window}：</span>
            <span className="whitespace-nowrap">
              {event.registrationOpensAt
                ? formatDateTime(event.registrationOpensAt, timeZone)
                : m.windowFromNow}
            </span>{" "}
            {m.windowTo}{" "}
            <span className="whitespace-nowrap">
              {formatDateTime(registrationClosesAt(event), timeZone)}
            </span>
          </p>
        </>
      )}

      <p className="mt-2 text-sm text-muted">{m.notes[state]}</p>

      {acceptsRegistrations(state) && (
        <>
          <p className="mt-4 rounded-md bg-stone-50 px-3 py-2 text-sm leading-relaxed text-stone-700">
            {m.privacy}
          </p>
          <RegistrationForm
            action={action}
            deskAction={deskAction}
            eventId={event.id}
            waitlist={state === "full"}
            permalink={`/events/${event.id}/register`}
            honeypotName={HONEYPOT_FIELD}
            labels={{
              submit:
                state === "full"
                  ? registrationFormMessages.submitWaitlist
                  : registrationFormMessages.submit,
              submitting: registrationFormMessages.submitting,
            }}
          >
            <RegistrationFields
              state={idleRegistration}
              eventId={event.id}
              honeypotName={HONEYPOT_FIELD}
            />
          </RegistrationForm>
        </>
      )}

      <p className="mt-4 border-t border-stone-200 pt-3 text-sm">
        <Link href="/registrations" className="text-brand-700 underline-offset-2 hover:underline">
          {m.findLink}
          <span aria-hidden="true"> ›</span>
        </Link>
      </p>
    </section>
  );
}
