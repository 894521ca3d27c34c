// What the registration form and desk draw once the server has answered: a refusal with
// what was typed, or the registration (its receipt and cancel form). Loaded on demand
// (registration-form.tsx and registration-desk.tsx import it lazily), so an event's page
// and /registrations send none of it with the page.
import Link from "next/link";
import { useEffect, useRef } from "react";
import { Notice } from "@/components/forms/notice";
import { lookupSubmitClass, submitClass } from "@/components/forms/submit-class";
import type { RegistrationFormState } from "@/lib/attendance";
import {
  registrationDeskMessages as m,
  registrationFormMessages,
  registrationLookupMessages,
} from "@/lib/messages/registration-desk";
import type { DeskResult, DeskState } from "./desk-state";
import { LookupField } from "./lookup-field";
import { RegistrationFields } from "./registration-fields";
import { CancelRegistrationForm, RegistrationReceipt } from "./registration-receipt";

/** Where the desk's forms post without JavaScript (registration-desk.tsx). */
const DESK_PAGE = "/registrations";

/** The registration form after a refusal: the message, then the fields as typed. */
export function RefusedRegistration({
  state,
  eventId,
  honeypotName,
  waitlist,
  pending,
}: {
  state: Pick<RegistrationFormState, "message" | "values" | "fieldErrors">;
  eventId: number;
  honeypotName: string;
  waitlist: boolean;
  pending: boolean;
}) {
  const alertRef = useRef<HTMLDivElement>(null);
  // After a refused submission with JavaScript, take the reader to the message.
  useEffect(() => {
    if (state.message) alertRef.current?.focus();
  }, [state]);
  const f = registrationFormMessages;
  return (
    <>
      {state.message && (
        <div
          ref={alertRef}
          tabIndex={-1}
          role="alert"
          className="rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-brand-800"
        >
          {state.message}
        </div>
      )}
      <RegistrationFields state={state} eventId={eventId} honeypotName={honeypotName} />
      <button type="submit" disabled={pending} className={submitClass}>
        {pending ? f.submitting : waitlist ? f.submitWaitlist : f.submit}
      </button>
    </>
  );
}

/** The lookup after a refusal: the message on the field, the code as typed. */
export function RefusedLookup({
  typed,
  error,
  pending,
}: {
  typed: string;
  error: string | null;
  pending: boolean;
}) {
  return (
    <>
      <LookupField typed={typed} error={error} />
      <button type="submit" disabled={pending} className={lookupSubmitClass}>
        {registrationLookupMessages.submit}
      </button>
    </>
  );
}

/** The registration found (or just made): the answer's message, its receipt, cancelling. */
export function DeskAnswer({
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
        <Notice ref={noticeRef} tabIndex={-1} ok={state.status === "ok"}>
          {state.message}
        </Notice>
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
