"use client";

import { lazy, type ReactNode, useActionState } from "react";
import { submitClass } from "@/components/forms/submit-class";
import type { OpinionFormState, OpinionFormValues } from "@/lib/opinions/schema";
import { submitOpinionAction } from "../actions";
import type { OpinionFieldsProps } from "./opinion-fields";

// The form after a refusal, drawn again with the messages: loaded when a reader starts
// filling the form (or the answer comes), not with the page.
const loadAnswer = () => import("./opinion-answer");
const RefusedOpinion = lazy(() => loadAnswer().then((m) => ({ default: m.RefusedOpinion })));

/**
 * The opinion form. The server draws its fields (`children`, opinion-fields.tsx); this
 * component only posts them. Without JavaScript it posts to /opinions, which renders this
 * form again with the action's state; with JavaScript the same action runs in place.
 * Success goes to /opinions?submitted=1, drawn by the server.
 */
export function OpinionForm({
  initial,
  children,
  ...fields
}: OpinionFieldsProps & {
  initial: OpinionFormValues;
  /** The fields before the first submission, drawn on the server. */
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState<OpinionFormState, FormData>(
    submitOpinionAction,
    { status: "idle", message: null, fieldErrors: {}, values: initial },
    "/opinions",
  );
  return (
    <form action={formAction} onFocus={() => void loadAnswer()} noValidate className="space-y-4">
      {state.status === "idle" ? (
        <>
          {children}
          <button type="submit" disabled={pending} className={submitClass}>
            {pending ? fields.text.submitting : fields.text.submit}
          </button>
        </>
      ) : (
        <RefusedOpinion state={state} pending={pending} {...fields} />
      )}
    </form>
  );
}
