import Link from "next/link";
import { Checkbox } from "@/components/forms/fields";
import { Panel } from "@/components/forms/panel";
import type { RegistrationView } from "@/db/queries/registrations/public";
import type { QrDrawing } from "@/lib/checkin/qr";
// The words only, not the catalogues: the desk, a client component, shows this receipt.
import {
  fillMessage,
  registrationDeskMessages as m,
  registrationQrMessages as qrWords,
} from "@/lib/messages/registration-desk";
import { QrCode } from "../checkin/qr-code";

/**
 * A registration as its owner sees it (the code is the key): the code, the status, the
 * event and what was given (the phone masked).
 */
export function RegistrationReceipt({
  registration,
  when,
  registeredAt,
  cancelledAt,
  qr,
}: {
  registration: RegistrationView;
  /** The check-in code as a QR (drawn on the server); none once cancelled. */
  qr?: QrDrawing | null;
  /** The event's date and time, already worded. */
  when: string;
  /** When it was made and cancelled, worded on the server (lib/time stays out of the browser). */
  registeredAt: string;
  cancelledAt: string | null;
}) {
  const { event } = registration;
  return (
    <>
      <Panel
        id="registration-code"
        title={m.codeLabel}
        className="rounded-lg border-2 border-dashed border-brand-600 bg-white p-5 text-center"
        titleClassName="text-sm font-medium text-muted"
      >
        {qr && (
          <QrCode
            id="registration-qr"
            drawing={qr}
            label={qrWords.qrLabel(registration.code)}
            className="mx-auto mt-2 block h-60 w-60 max-w-full sm:h-64 sm:w-64"
          />
        )}
        <p className="mt-1 whitespace-nowrap font-mono text-3xl font-bold tracking-[0.2em] text-brand-800 min-[400px]:text-4xl sm:text-5xl lg:text-4xl">
          {registration.code}
        </p>
        <p className="mt-2 text-sm text-muted">{qr ? qrWords.qrHint : m.codeHint}</p>
      </Panel>
      <StatusBox registration={registration} />
      {registration.status !== "cancelled" && event.status !== "cancelled" && (
        <VisitNotes registration={registration} when={when} />
      )}
      <Panel id="registration-details" title={m.heading} titleClassName="sr-only">
        <dl className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          <Row label={m.event}>
            <Link href={`/events/${event.id}`} className="text-brand-700 hover:underline">
              {event.title}
            </Link>
            {event.status === "cancelled" && (
              <span className="mt-1 block font-medium text-brand-700">{m.eventCancelled}</span>
            )}
          </Row>
          <Row label={m.time}>{when}</Row>
          {event.venue && <Row label={m.venue}>{event.venue}</Row>}
          <Row label={m.name}>{registration.name}</Row>
          <Row label={m.phone}>{registration.phoneMasked}</Row>
          {registration.organisation && (
            <Row label={m.organisation}>{registration.organisation}</Row>
          )}
          <Row label={m.registeredAt}>{registeredAt}</Row>
          {cancelledAt && <Row label={m.cancelledAt}>{cancelledAt}</Row>}
        </dl>
      </Panel>
    </>
  );
}

/** What to bring and when to come: the time, the place, the code, the organisers' notes. */
function VisitNotes({ registration, when }: { registration: RegistrationView; when: string }) {
  const { event } = registration;
  const v = m.visit;
  const place = [event.venue, event.townName].filter(Boolean).join("，");
  const notes = event.whatToBring
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
  return (
    <Panel
      id="registration-visit"
      title={v.title}
      className="rounded-lg border border-brand-200 bg-white p-4 sm:p-5"
      titleClassName="font-serif text-lg font-bold text-brand-800"
    >
      {registration.status === "waitlisted" && <p className="mt-1 text-sm">{v.waitlisted}</p>}
      <dl className="mt-2 space-y-2">
        <div>
          <dt className="text-sm font-medium text-muted">{v.when}</dt>
          <dd className="font-semibold">
            {when}
            {v.beijingTime}
          </dd>
        </div>
        {place && (
          <div>
            <dt className="text-sm font-medium text-muted">{v.where}</dt>
            <dd className="font-semibold">{place}</dd>
          </div>
        )}
        <div>
          <dt className="text-sm font-medium text-muted">{v.bring}</dt>
          <dd>
            <ul className="list-disc space-y-1 pl-5">
              <li>{v.bringCode}</li>
            </ul>
          </dd>
        </div>
        {notes.length > 0 && (
          <div>
            <dt className="text-sm font-medium text-muted">{v.organisers}</dt>
            <dd>
              <ul className="list-disc space-y-1 pl-5">
                {notes.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      <p className="mt-3 rounded-md bg-gold-100/60 px-3 py-2 font-medium">{v.arrive}</p>
    </Panel>
  );
}

function StatusBox({ registration }: { registration: RegistrationView }) {
  const { status } = registration;
  const label =
    status === "waitlisted"
      ? fillMessage(m.statuses.waitlisted, { position: registration.waitlistPosition ?? 1 })
      : m.statuses[status];
  const tone = {
    confirmed: "border-emerald-700/30 bg-emerald-50 text-emerald-900",
    waitlisted: "border-gold-700/30 bg-gold-100 text-gold-700",
    cancelled: "border-stone-300 bg-stone-100 text-stone-800",
  }[status];
  return (
    <Panel
      id="registration-status"
      title={m.status}
      className={`rounded-lg border p-4 ${tone}`}
      titleClassName="text-sm font-medium"
    >
      <p className="mt-1 font-serif text-2xl font-bold">{label}</p>
      {status === "confirmed" && registration.promotedAt && (
        <p className="mt-1 text-sm">{m.promoted}</p>
      )}
      <p className="mt-1 text-sm">{m.statusNotes[status]}</p>
    </Panel>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[5.5rem_minmax(0,1fr)] gap-3 px-4 py-2.5 sm:grid-cols-[7rem_minmax(0,1fr)]">
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/**
 * Cancelling: the code in the form's body, posted to the registration desk's action (a
 * plain form post without JavaScript), whose answer shows the registration again.
 */
export function CancelRegistrationForm({
  code,
  action,
}: {
  code: string;
  action: (formData: FormData) => void;
}) {
  return (
    <Panel
      id="cancel-title"
      title={m.cancelTitle}
      className="rounded-lg border border-stone-200 bg-white p-4 sm:p-5"
      titleClassName="font-serif text-lg font-bold text-ink"
    >
      <p className="mt-1 text-sm text-muted">{m.cancelIntro}</p>
      <form action={action} className="mt-3 space-y-3">
        <input type="hidden" name="intent" value="cancel" />
        <input type="hidden" name="code" value={code} />
        <Checkbox id="cancel-confirm" name="confirm" value="yes" required label={m.cancelConfirm} />
        <button
          type="submit"
          className="rounded-md border-2 border-brand-700 bg-white px-5 py-2 font-semibold text-brand-700 hover:bg-brand-50"
        >
          {m.cancelSubmit}
        </button>
      </form>
    </Panel>
  );
}
