"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import type { RegistrationView } from "@/db/queries/registrations/public";
import type { QrDrawing } from "@/lib/checkin/qr";
import { type FormState, idleForm } from "@/lib/form-state";
import { registrationDeskMessages as m } from "@/lib/messages/registration-desk";
import { RegistrationLookupForm } from "./lookup-form";
import { CancelRegistrationForm, RegistrationReceipt } from "./registration-receipt";

/** A registration as the desk shows it to the one who holds its code. */
export interface DeskResult {
  registration: RegistrationView;
  /** The event's date and time, worded on the server (lib/attendance stays out of the browser). */
  when: string;
  /** Not cancelled yet, and the event has not started. */
  cancellable: boolean;
  /** When it was made and cancelled, worded on the server like `when`. */
  registeredAt: string;
  cancelledAt: string | null;
  /** The code as a QR, drawn on the server (no QR library reaches the browser). */
  qr: QrDrawing | null;
}

/** The desk's one state: the code typed, and the registration once it is found. */
export type DeskState = FormState<{ code: string }, DeskResult>;
export type DeskAction = (previous: DeskState, formData: FormData) => Promise<DeskState>;

/** Where a desk form posts without JavaScript: the page that shows its answer. */
const DESK_PAGE = "/registrations";

/**
 * Looking up and cancelling a registration by its code. The code only ever travels in a
 * POST body (the desk's server action) or a link's fragment, never in a path or query
 * string, so no proxy or access log keeps it. Without JavaScript every form here posts to
 * /registrations, whose page renders this desk with the action's answer; with it, the
 * answer replaces the desk in place (on /registrations, or after registering, on the
 * event's pages).
 */
export function RegistrationDesk({
  action,
  initial,
}: {
  action: DeskAction;
  /** After registering: the new registration, shown at once. */
  initial?: DeskState;
}) {
  const [state, formAction, pending] = useActionState(
    action,
    initial ?? idleForm({ code: "" }),
    DESK_PAGE,
  );
  if (!state.result) {
    return (
      <RegistrationLookupForm
        action={formAction}
        typed={state.values.code ?? ""}
        error={state.message}
        pending={pending}
      />
    );
  }
  return <RegistrationDetails state={state} result={state.result} action={formAction} />;
}

function RegistrationDetails({
  state,
  result,
  action,
}: {
  state: DeskState;
  result: DeskResult;
  action: (formData: FormData) => void;
}) {
  const { registration, when, cancellable, registeredAt, cancelledAt, qr } = result;
  const noticeRef = useRef<HTMLParagraphElement>(null);
  // After an answer with JavaScript, take the reader to what it says.
  useEffect(() => {
    if (state.message) noticeRef.current?.focus();
  }, [state]);
  return (
    <div className="space-y-5">
      {state.message && (
        <p
          ref={noticeRef}
          tabIndex={-1}
          role={state.status === "ok" ? "status" : "alert"}
          className={
            state.status === "ok"
              ? "rounded-md border border-emerald-700/30 bg-emerald-50 px-3 py-2 text-emerald-900"
              : "rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-brand-800"
          }
        >
          {state.message}
        </p>
      )}
      <RegistrationReceipt
        registration={registration}
        when={when}
        registeredAt={registeredAt}
        cancelledAt={cancelledAt}
        qr={qr}
      />
      {cancellable && <CancelRegistrationForm code={registration.code} action={action} />}
      {registration.status !== "cancelled" && !cancellable && (
        <p className="text-sm text-muted">{m.cancelNotPossible}</p>
      )}
      <p className="text-sm text-muted">
        {m.savedLinkIntro}
        {/* The code in the fragment: the browser keeps it, no server ever receives it. */}
        <a
          href={`${DESK_PAGE}#code=${registration.code}`}
          className="text-brand-700 underline underline-offset-2"
        >
          {m.savedLink}
        </a>
      </p>
      <p className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        <Link href={`/events/${registration.event.id}`} className="text-brand-700 hover:underline">
          {m.backToEvent}
          <span aria-hidden="true"> ›</span>
        </Link>
        {/* A plain link: a fresh page, the code above gone from it. */}
        <a href={DESK_PAGE} className="text-brand-700 hover:underline">
          {m.lookUpAnother}
          <span aria-hidden="true"> ›</span>
        </a>
      </p>
    </div>
  );
}
