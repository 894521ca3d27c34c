"use client";

import { useActionState, useId } from "react";
import { type FormState, fieldValue, idleForm } from "@/lib/form-state";
import { adminMessages } from "@/lib/messages/admin";
import type { FormAction } from "./form-action";
import { FieldError, FormMessage } from "./form-message";
import { ui } from "./ui";

const m = adminMessages.templates;
const permalink = "/admin/notes/templates";

/** A template's name and text; without `template` it creates a new one. */
export function TemplateForm({
  saveAction,
  deleteAction: remove,
  template,
}: {
  saveAction: FormAction;
  deleteAction: FormAction;
  template?: { id: number; title: string; body: string };
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    saveAction,
    idleForm(),
    permalink,
  );
  const [deleted, deleteAction, deleting] = useActionState<FormState, FormData>(
    remove,
    idleForm(),
    permalink,
  );
  const id = useId();
  return (
    <div className={`${ui.card} space-y-3`}>
      <form action={formAction} noValidate className="space-y-3">
        <FormMessage state={state} />
        {template && <input type="hidden" name="id" value={template.id} />}
        <div>
          <label htmlFor={`${id}-title`} className={ui.label}>
            {m.name}
          </label>
          <input
            id={`${id}-title`}
            name="title"
            maxLength={40}
            required
            defaultValue={fieldValue(state, "title", template?.title ?? "")}
            aria-invalid={state.fieldErrors.title ? true : undefined}
            aria-describedby={state.fieldErrors.title ? `${id}-title-error` : undefined}
            className={ui.input}
          />
          <FieldError id={`${id}-title-error`} message={state.fieldErrors.title} />
        </div>
        <div>
          <label htmlFor={`${id}-body`} className={ui.label}>
            {m.body}
          </label>
          <textarea
            id={`${id}-body`}
            name="body"
            rows={3}
            maxLength={1000}
            required
            defaultValue={fieldValue(state, "body", template?.body ?? "")}
            aria-invalid={state.fieldErrors.body ? true : undefined}
            aria-describedby={state.fieldErrors.body ? `${id}-body-error` : undefined}
            className={ui.input}
          />
          <FieldError id={`${id}-body-error`} message={state.fieldErrors.body} />
        </div>
        <button type="submit" disabled={pending} className={ui.primary}>
          {template ? m.save : m.create}
        </button>
      </form>
      {template && (
        <form action={deleteAction}>
          <FormMessage state={deleted} />
          <input type="hidden" name="id" value={template.id} />
          <button
            type="submit"
            disabled={deleting}
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
