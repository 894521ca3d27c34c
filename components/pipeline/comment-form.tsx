"use client";

import type { FormAction } from "@/components/admin/form-action";
import { FormAlert, SubmitButton, TextArea } from "@/components/admin/kit";
import { adminMessages } from "@/lib/messages/admin";
import { usePipelineForm } from "./pipeline-fields";

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
  const { state, formAction, pending, field } = usePipelineForm(action, permalink);
  return (
    <form action={formAction} className="mt-3 space-y-2">
      <FormAlert state={state} />
      <input type="hidden" name="noteId" value={noteId} />
      <TextArea {...field.text("body")} label={m.commentBody} rows={3} maxLength={2000} />
      <SubmitButton pending={pending} tone="secondary" pendingLabel={m.commentSubmit}>
        {m.commentSubmit}
      </SubmitButton>
    </form>
  );
}
