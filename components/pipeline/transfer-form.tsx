"use client";

import type { FormAction } from "@/components/admin/form-action";
import { CheckboxGroup, FormAlert, SubmitButton, TextField } from "@/components/admin/kit";
import { adminMessages } from "@/lib/messages/admin";
import { HiddenFields, usePipelineForm } from "./pipeline-fields";

const m = adminMessages.note;

/** 移交: tick one or more departments and set the date their answers are due. */
export function TransferForm({
  action,
  noteId,
  version,
  departments,
  defaultDueOn,
  minDueOn,
  permalink,
}: {
  action: FormAction;
  noteId: number;
  version: number;
  departments: { id: number; name: string }[];
  defaultDueOn: string;
  minDueOn: string;
  permalink: string;
}) {
  const { state, formAction, pending, field } = usePipelineForm(action, permalink);
  return (
    <form action={formAction} noValidate className="space-y-3">
      <FormAlert state={state} />
      <HiddenFields values={{ noteId, version }} />
      <CheckboxGroup
        {...field.list("departments")}
        legend={m.transferDepartments}
        options={departments.map((d) => ({ value: String(d.id), label: d.name }))}
        columns={2}
      />
      <TextField
        {...field.text("dueOn", defaultDueOn)}
        label={m.transferDueOn}
        type="date"
        required
        min={minDueOn}
        className="sm:max-w-xs"
      />
      <SubmitButton pending={pending}>{m.transferSubmit}</SubmitButton>
    </form>
  );
}
