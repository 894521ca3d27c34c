"use client";

import { useActionState, useId } from "react";
import { type FormState, fieldValue, idleForm } from "@/lib/form-state";
import { adminMessages } from "@/lib/messages/admin";
import type { DirectNoteAction } from "@/lib/moderation";
import type { FormAction } from "./form-action";
import { FieldError, FormMessage } from "./form-message";
import { TemplatePicker } from "./template-picker";
import { ui } from "./ui";

const m = adminMessages.note;

/** The review buttons the state machine allows this user, with the reason the author reads. */
export function NoteReviewForm({
  action,
  noteId,
  version,
  actions,
  templates,
  permalink,
}: {
  action: FormAction;
  noteId: number;
  version: number;
  actions: DirectNoteAction[];
  templates: { id: number; title: string }[];
  permalink: string;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    action,
    idleForm(),
    permalink,
  );
  const id = useId();
  const withReason = actions.some((a) => a === "return" || a === "reject");
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="noteId" value={noteId} />
      <input type="hidden" name="version" value={version} />
      {withReason && (
        <div>
          <label htmlFor={`${id}-reason`} className={ui.label}>
            {m.reason}
          </label>
          <textarea
            id={`${id}-reason`}
            name="reason"
            rows={4}
            maxLength={1000}
            defaultValue={fieldValue(state, "reason")}
            aria-invalid={state.fieldErrors.reason ? true : undefined}
            aria-describedby={`${id}-reason-hint${state.fieldErrors.reason ? ` ${id}-reason-error` : ""}`}
            className={ui.input}
          />
          <p id={`${id}-reason-hint`} className={ui.hint}>
            {m.reasonHint}
          </p>
          <FieldError id={`${id}-reason-error`} message={state.fieldErrors.reason} />
          <TemplatePicker templates={templates} idPrefix={`${id}-review`} />
        </div>
      )}
      <div className="flex flex-wrap gap-2 pt-1">
        {actions.map((action) => (
          <button
            key={action}
            type="submit"
            name="action"
            value={action}
            disabled={pending}
            className={
              action === "accept" || action === "close"
                ? ui.primary
                : action === "reject"
                  ? ui.danger
                  : ui.secondary
            }
          >
            {adminMessages.actions[action]}
          </button>
        ))}
      </div>
    </form>
  );
}
