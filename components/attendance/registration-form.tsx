"use client";

import { useActionState, useEffect, useId, useRef } from "react";
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

  const fieldId = (field: RegistrationField) => `${id}-${field}`;
  const describedBy = (field: RegistrationField, hint: boolean) =>
    [hint ? `${fieldId(field)}-hint` : "", fieldErrors[field] ? `${fieldId(field)}-error` : ""]
      .filter(Boolean)
      .join(" ") || undefined;
  const errorText = (field: RegistrationField) =>
    fieldErrors[field] ? (
      <p id={`${fieldId(field)}-error`} className="mt-1 text-sm font-medium text-brand-700">
        {fieldErrors[field]}
      </p>
    ) : null;
  const inputClass = (field: RegistrationField) =>
    `mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base ${
      fieldErrors[field] ? "border-brand-700 ring-1 ring-brand-700" : "border-stone-500"
    }`;

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

        <div>
          <label htmlFor={fieldId("name")} className="font-medium">
            {m.name}
            <span className="text-sm font-normal text-muted">{m.required}</span>
          </label>
          <input
            id={fieldId("name")}
            name="name"
            type="text"
            autoComplete="name"
            maxLength={30}
            required
            defaultValue={values.name}
            aria-invalid={fieldErrors.name ? true : undefined}
            aria-describedby={describedBy("name", true)}
            className={inputClass("name")}
          />
          <p id={`${fieldId("name")}-hint`} className="mt-1 text-sm text-muted">
            {m.nameHint}
          </p>
          {errorText("name")}
        </div>

        <div>
          <label htmlFor={fieldId("phone")} className="font-medium">
            {m.phone}
            <span className="text-sm font-normal text-muted">{m.required}</span>
          </label>
          <input
            id={fieldId("phone")}
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            maxLength={20}
            required
            defaultValue={values.phone}
            aria-invalid={fieldErrors.phone ? true : undefined}
            aria-describedby={describedBy("phone", true)}
            className={inputClass("phone")}
          />
          <p id={`${fieldId("phone")}-hint`} className="mt-1 text-sm text-muted">
            {m.phoneHint}
          </p>
          {errorText("phone")}
        </div>

        <div>
          <label htmlFor={fieldId("organisation")} className="font-medium">
            {m.organisation}
            <span className="text-sm font-normal text-muted">{m.optional}</span>
          </label>
          <input
            id={fieldId("organisation")}
            name="organisation"
            type="text"
            autoComplete="organization"
            maxLength={60}
            defaultValue={values.organisation}
            aria-invalid={fieldErrors.organisation ? true : undefined}
            aria-describedby={describedBy("organisation", true)}
            className={inputClass("organisation")}
          />
          <p id={`${fieldId("organisation")}-hint`} className="mt-1 text-sm text-muted">
            {m.organisationHint}
          </p>
          {errorText("organisation")}
        </div>

        {/* A trap for bots: off-screen, hidden from assistive technology, out of the tab order. */}
        <div
          aria-hidden="true"
          className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden"
        >
          <label htmlFor={`${id}-hp`}>{m.honeypot}</label>
          <input
            id={`${id}-hp`}
            name={honeypotName}
            type="text"
            tabIndex={-1}
            autoComplete="off"
            defaultValue=""
          />
        </div>

        <div>
          <div className="flex items-start gap-2">
            <input
              id={fieldId("consent")}
              name="consent"
              type="checkbox"
              value="yes"
              required
              defaultChecked={values.consent === "yes"}
              aria-invalid={fieldErrors.consent ? true : undefined}
              aria-describedby={describedBy("consent", false)}
              className="mt-1.5 size-5 shrink-0 accent-brand-700"
            />
            <label htmlFor={fieldId("consent")} className="text-sm leading-relaxed">
              {m.consent}
            </label>
          </div>
          {errorText("consent")}
        </div>
      </fieldset>

      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-70 sm:w-auto"
      >
        {pending ? m.submitting : waitlist ? m.submitWaitlist : m.submit}
      </button>
    </form>
  );
}
