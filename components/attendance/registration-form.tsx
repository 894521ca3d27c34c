"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import { bindFields, Checkbox, Honeypot, Input, submitClass } from "@/components/forms/fields";
// Types only from lib/attendance: its zod schema must not reach the browser.
import type { RegistrationField, RegistrationFormState } from "@/lib/attendance";
import { idleForm } from "@/lib/form-state";
import { attendanceMessages } from "@/lib/messages/attendance";

const m = attendanceMessages.form;

const initialState: RegistrationFormState = idleForm({
  name: "",
  phone: "",
  organisation: "",
  consent: "",
});

/** The page's server action (app/(public)/events/[id]/register/actions.ts), passed down. */
export type RegistrationAction = (
  previous: RegistrationFormState,
  formData: FormData,
) => Promise<RegistrationFormState>;

/**
 * The registration form. Without JavaScript it is a plain POST to `permalink`
 * (/events/[id]/register), where the page renders this form again with the action's
 * state: the values typed and a message per field. With JavaScript, the same action
 * runs in place.
 */
export function RegistrationForm({
  action,
  eventId,
  waitlist,
  permalink,
  honeypotName,
}: {
  action: RegistrationAction;
  eventId: number;
  /** The seats are taken: the submission joins the waiting list. */
  waitlist: boolean;
  permalink: string;
  honeypotName: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialState, permalink);
  const id = useId();
  const alertRef = useRef<HTMLDivElement>(null);
  const { values, fieldErrors } = state;

  // After a refused submission with JavaScript, take the reader to the message.
  useEffect(() => {
    if (state.message) alertRef.current?.focus();
  }, [state]);

  const field = bindFields((name: RegistrationField) => `${id}-${name}`, state, m);

  return (
    <form action={formAction} noValidate className="mt-4 space-y-4">
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
      <input type="hidden" name="eventId" value={eventId} />
      <fieldset className="space-y-4">
        <legend className="sr-only">{m.legend}</legend>
        <Input
          {...field("name", m.name, { hint: m.nameHint })}
          autoComplete="name"
          maxLength={30}
        />
        <Input
          {...field("phone", m.phone, { hint: m.phoneHint })}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={20}
        />
        <Input
          {...field("organisation", m.organisation, { hint: m.organisationHint, optional: true })}
          autoComplete="organization"
          maxLength={60}
        />
        <Honeypot id={`${id}-hp`} name={honeypotName} label={m.honeypot} />
        <Checkbox
          id={`${id}-consent`}
          name="consent"
          value="yes"
          required
          defaultChecked={values.consent === "yes"}
          error={fieldErrors.consent}
          label={m.consent}
          labelClassName="text-sm leading-relaxed"
        />
      </fieldset>

      <button type="submit" disabled={pending} className={submitClass}>
        {pending ? m.submitting : waitlist ? m.submitWaitlist : m.submit}
      </button>
    </form>
  );
}
