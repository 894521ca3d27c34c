"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import { bindFields, Checkbox, Honeypot, Input, submitClass } from "@/components/forms/fields";
// Types only from lib/attendance: its zod schema must not reach the browser.
import type { RegistrationField, RegistrationFormState } from "@/lib/attendance";
import { doneForm, type FormState, idleForm } from "@/lib/form-state";
import { registrationFormMessages as m } from "@/lib/messages/registration-desk";
import { type DeskAction, type DeskResult, RegistrationDesk } from "./registration-desk";

const initialState: RegistrationFormState = idleForm({
  name: "",
  phone: "",
  organisation: "",
  consent: "",
});

/** The form's state; once registered, its result is the registration to show. */
export type RegistrationAnswer = FormState<RegistrationFormState["values"], DeskResult>;

/** The page's server action (app/(public)/events/[id]/register/actions.ts), passed down. */
export type RegistrationAction = (
  previous: RegistrationAnswer,
  formData: FormData,
) => Promise<RegistrationAnswer>;

/**
 * The registration form. Without JavaScript it is a plain POST to `permalink`
 * (/events/[id]/register), where the page renders this form again with the action's
 * state: the values typed and a message per field. With JavaScript, the same action
 * runs in place. Once registered, the registration desk takes the form's place, showing
 * the code, the registration and its cancel form (the code never goes into an address).
 */
export function RegistrationForm({
  action,
  deskAction,
  eventId,
  waitlist,
  permalink,
  honeypotName,
}: {
  action: RegistrationAction;
  /** The registration desk's action (app/(public)/registrations/actions.ts). */
  deskAction: DeskAction;
  eventId: number;
  /** The seats are taken: the submission joins the waiting list. */
  waitlist: boolean;
  permalink: string;
  honeypotName: string;
}) {
  const [state, formAction, pending] = useActionState<RegistrationAnswer, FormData>(
    action,
    initialState,
    permalink,
  );
  const id = useId();
  const alertRef = useRef<HTMLDivElement>(null);
  const { values, fieldErrors } = state;

  // After a refused submission with JavaScript, take the reader to the message.
  useEffect(() => {
    if (state.message) alertRef.current?.focus();
  }, [state]);

  const field = bindFields((name: RegistrationField) => `${id}-${name}`, state, m);

  if (state.status === "ok" && state.result) {
    const { result } = state;
    return (
      <div className="mt-4">
        <RegistrationDesk
          action={deskAction}
          initial={doneForm({ code: result.registration.code }, state.message, result)}
        />
      </div>
    );
  }

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
