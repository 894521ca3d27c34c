"use client";

import type { FormAction } from "@/components/admin/form-action";
import { FormAlert, SubmitButton, TextArea, TextField } from "@/components/admin/kit";
import { ui } from "@/components/admin/ui";
import { adminMessages } from "@/lib/messages/admin";
import { usePipelineForm } from "./pipeline-fields";

const m = adminMessages.templates;
const permalink = "/admin/notes/templates";

/** A template's name and text; without `template` it creates a new one. */
export function TemplateForm({
  saveAction,
  deleteAction,
  template,
}: {
  saveAction: FormAction;
  deleteAction: FormAction;
  template?: { id: number; title: string; body: string };
}) {
  const save = usePipelineForm(saveAction, permalink);
  const remove = usePipelineForm(deleteAction, permalink);
  const field = save.field;
  return (
    <div className={`${ui.card} space-y-3`}>
      <form action={save.formAction} noValidate className="space-y-3">
        <FormAlert state={save.state} />
        {template && <input type="hidden" name="id" value={template.id} />}
        <TextField
          {...field.text("title", template?.title)}
          label={m.name}
          required
          maxLength={40}
        />
        <TextArea
          {...field.text("body", template?.body)}
          label={m.body}
          required
          rows={3}
          maxLength={1000}
        />
        <SubmitButton pending={save.pending}>{template ? m.save : m.create}</SubmitButton>
      </form>
      {template && (
        <form action={remove.formAction}>
          <FormAlert state={remove.state} />
          <input type="hidden" name="id" value={template.id} />
          <button
            type="submit"
            disabled={remove.pending}
            aria-label={`${m.delete}「${template.title}」`}
            className={ui.danger}
          >
            {m.delete}
          </button>
        </form>
      )}
    </div>
  );
}
