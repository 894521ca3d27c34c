"use client";

import { useActionState } from "react";
import { buttonClass, FormAlert, TextField } from "@/components/admin/kit";
import { idleForm } from "@/lib/form-state";
import { cmsMessages } from "@/lib/messages/cms";
import {
  type CheckInState,
  checkInByCodeAction,
  type RevealState,
  revealPhoneAction,
} from "../actions";

const m = cmsMessages.registrations;

/** Check-in at the door: type the code the registrant shows. */
export function CheckInByCode({ eventId, permalink }: { eventId: number; permalink: string }) {
  const initial: CheckInState = idleForm({ eventId: String(eventId), code: "" });
  const [state, formAction, pending] = useActionState(checkInByCodeAction, initial, permalink);
  return (
    <form action={formAction} noValidate className="space-y-3">
      <FormAlert state={state} />
      <input type="hidden" name="eventId" value={eventId} />
      <TextField
        // A new key after each success empties the field for the next person.
        key={state.status === "ok" ? state.message : "code"}
        id="checkin-code"
        name="code"
        label={m.checkIn.code}
        defaultValue={state.values.code}
        error={state.fieldErrors.code}
        hint={m.checkIn.codeHint}
        maxLength={20}
        autoComplete="off"
        className="w-full max-w-xs"
      />
      <button type="submit" className={buttonClass.primary} disabled={pending}>
        {m.checkIn.submit}
      </button>
    </form>
  );
}

/**
 * "查看号码" for one row (admins only). The number appears only in the answer to this
 * post, which the server has already written to the audit log.
 */
export function RevealPhone({
  registrationId,
  name,
  masked,
  permalink,
}: {
  registrationId: number;
  name: string;
  masked: string;
  permalink: string;
}) {
  const initial: RevealState = idleForm({ registrationId: String(registrationId) });
  const [state, formAction, pending] = useActionState(revealPhoneAction, initial, permalink);
  if (state.result) {
    return (
      <span role="status">
        <span className="font-mono">{state.result.phone}</span>
        <span className="sr-only">{m.reveal.audited}</span>
      </span>
    );
  }
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <span className="font-mono">{masked}</span>
      <input type="hidden" name="registrationId" value={registrationId} />
      <button
        type="submit"
        className={buttonClass.quiet}
        disabled={pending}
        aria-label={m.reveal.buttonFor(name)}
      >
        {m.reveal.button}
      </button>
      {state.message && (
        <span role="alert" className="text-sm text-brand-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
