"use client";

import { useActionState, useId } from "react";
import { type FormState, fieldValue, idleForm } from "@/lib/form-state";
import { adminMessages } from "@/lib/messages/admin";
import type { FormAction } from "./form-action";
import { FieldError, FormMessage } from "./form-message";
import { ui } from "./ui";

const m = adminMessages.note;

/** Add an internal remark: staff only, never shown to the member. */
export function CommentForm({
  action,
  noteId,
  permalink,
}: {
  action: FormAction;
  noteId: number;
  permalink: string;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    action,
    idleForm(),
    permalink,
  );
  const id = useId();
  return (
    <form action={formAction} className="mt-3 space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="noteId" value={noteId} />
      <label htmlFor={`${id}-body`} className={ui.label}>
        {m.commentBody}
      </label>
      <textarea
        id={`${id}-body`}
        name="body"
        rows={3}
        maxLength={2000}
        defaultValue={fieldValue(state, "body")}
        aria-invalid={state.fieldErrors.body ? true : undefined}
        aria-describedby={state.fieldErrors.body ? `${id}-body-error` : undefined}
        className={ui.input}
      />
      <FieldError id={`${id}-body-error`} message={state.fieldErrors.body} />
      <button type="submit" disabled={pending} className={ui.secondary}>
        {m.commentSubmit}
      </button>
    </form>
  );
}
