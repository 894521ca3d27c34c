"use client";

import { lazy, type ReactNode, useActionState } from "react";
import { submitClass } from "@/components/forms/submit-class";
// Types only from lib/attendance: its zod schema must not reach the browser.
import type { RegistrationFormState } from "@/lib/attendance";
import type { FormState } from "@/lib/form-state";
import type { DeskAction, DeskResult } from "./desk-state";

/** The form's state; once registered, its result is the registration to show. */
export type RegistrationAnswer = FormState<RegistrationFormState["values"], DeskResult>;

/** The page's server action (app/(public)/events/[id]/register/actions.ts), passed down. */
export type RegistrationAction = (
  previous: RegistrationAnswer,
  formData: FormData,
) => Promise<RegistrationAnswer>;

const idle: RegistrationAnswer = {
  status: "idle",
  message: null,
  fieldErrors: {},
  values: { name: "", phone: "", organisation: "", consent: "" },
};

// The form after a refusal, drawn again with the messages: loaded when a reader starts
// filling the form (or the answer comes), not with the page.
const loadAnswer = () => import("./registration-answer");
const RefusedRegistration = lazy(() =>
  loadAnswer().then((m) => ({ default: m.RefusedRegistration })),
);
// The desk that takes the form's place once registered: loaded with the answer's code,
// when a reader starts filling the form, so an event's page sends none of it. Without
// JavaScript the server draws it.
const loadDesk = () => import("./registration-desk");
const RegistrationDesk = lazy(() => loadDesk().then((m) => ({ default: m.RegistrationDesk })));
const preloadAnswers = () => {
  void loadAnswer();
  void loadDesk();
};

/**
 * The registration form. The server draws its fields (`children`,
 * registration-fields.tsx); this component only posts them. Without JavaScript it is a
 * plain POST to `permalink` (/events/[id]/register), where the page renders this form
 * again with the action's state: the values typed and a message per field. With
 * JavaScript, the same action runs in place. Once registered, the registration desk takes
 * the form's place, showing the code, the registration and its cancel form (the code
 * never goes into an address).
 */
export function RegistrationForm({
  action,
  deskAction,
  eventId,
  waitlist,
  permalink,
  honeypotName,
  labels,
  children,
}: {
  action: RegistrationAction;
  /** The registration desk's action (app/(public)/registrations/actions.ts). */
  deskAction: DeskAction;
  eventId: number;
  /** The seats are taken: the submission joins the waiting list. */
  waitlist: boolean;
  permalink: string;
  honeypotName: string;
  /** The submit button's words, and while submitting. */
  labels: { submit: string; submitting: string };
  /** The fields before the first submission, drawn on the server. */
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, idle, permalink);

  if (state.status === "ok" && state.result) {
    const { result } = state;
    return (
      <div className="mt-4">
        <RegistrationDesk
          action={deskAction}
          initial={{
            status: "ok",
            message: state.message,
            fieldErrors: {},
            values: { code: result.registration.code },
            result,
          }}
        />
      </div>
    );
  }

  return (
    <form action={formAction} onFocus={preloadAnswers} noValidate className="mt-4 space-y-4">
      {state.status === "idle" ? (
        <>
          {children}
          <button type="submit" disabled={pending} className={submitClass}>
            {pending ? labels.submitting : labels.submit}
          </button>
        </>
      ) : (
        <RefusedRegistration
          state={state}
          eventId={eventId}
          honeypotName={honeypotName}
          waitlist={waitlist}
          pending={pending}
        />
      )}
    </form>
  );
}
