"use client";

import { useActionState } from "react";
import {
  type CheckInState,
  checkInByCodeAction,
  type RevealState,
  revealPhoneAction,
} from "@/app/(admin)/admin/registrations/actions";
import { cmsMessages } from "@/lib/messages/cms";
import { buttonClass, TextField } from "./fields";
import { FormAlert } from "./form-alert";

const m = cmsMessages.registrations;

/** Check-in at the door: type the code the registrant shows. */
export function CheckInByCode({ eventId, permalink }: { eventId: number; permalink: string }) {
  const initial: CheckInState = { values: { code: "" }, fieldErrors: {}, message: null };
  const [state, formAction, pending] = useActionState(checkInByCodeAction, initial, permalink);
  return (
    <form action={formAction} noValidate className="space-y-3">
      <FormAlert message={state.message} tone={state.tone} />
      <input type="hidden" name="eventId" value={eventId} />
      <TextField
        // A new key after each success empties the field for the next person.
        key={state.tone === "success" ? state.message : "code"}
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
  const initial: RevealState = { values: {}, fieldErrors: {}, message: null };
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
