"use client";

import type { FormAction } from "@/components/admin/form-action";
import { buttonClass, FormAlert } from "@/components/admin/kit";
import { adminMessages } from "@/lib/messages/admin";
import type { DirectNoteAction } from "@/lib/moderation";
import { HiddenFields, TemplatedText, usePipelineForm } from "./pipeline-fields";

const m = adminMessages.note;

const tone = (action: DirectNoteAction) =>
  action === "accept" || action === "close"
    ? buttonClass.primary
    : action === "reject"
      ? buttonClass.danger
      : buttonClass.secondary;

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
  const { state, formAction, pending, field } = usePipelineForm(action, permalink);
  const withReason = actions.some((a) => a === "return" || a === "reject");
  return (
    <form action={formAction} className="space-y-3">
      <FormAlert state={state} />
      <HiddenFields values={{ noteId, version }} />
      {withReason && (
        <TemplatedText
          {...field.text("reason")}
          label={m.reason}
          hint={m.reasonHint}
          rows={4}
          maxLength={1000}
          templates={templates}
        />
      )}
      <div className="flex flex-wrap gap-2 pt-1">
        {actions.map((action) => (
          <button
            key={action}
            type="submit"
            name="action"
            value={action}
            disabled={pending}
            className={tone(action)}
          >
            {adminMessages.actions[action]}
          </button>
        ))}
      </div>
    </form>
  );
}
