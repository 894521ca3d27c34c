"use client";

import type { FormAction } from "@/components/admin/form-action";
import { Checkbox, FormAlert, SubmitButton, TextField } from "@/components/admin/kit";
import { adminMessages } from "@/lib/messages/admin";
import { usePipelineForm } from "./pipeline-fields";

const m = adminMessages.departments;

/** A department's name, contact, order and whether notes may still be transferred to it. */
export function DepartmentForm({
  action,
  department,
  permalink,
}: {
  /** Create without a department, update with one. */
  action: FormAction;
  department?: { id: number; name: string; contact: string; active: boolean; sortOrder: number };
  permalink: string;
}) {
  const { state, formAction, pending, field } = usePipelineForm(action, permalink);
  return (
    <form action={formAction} noValidate className="space-y-3">
      <FormAlert state={state} />
      {department && <input type="hidden" name="id" value={department.id} />}
      <div className="grid gap-3 sm:grid-cols-[2fr_2fr_1fr]">
        <TextField
          {...field.text("name", department?.name)}
          label={m.name}
          required
          maxLength={40}
        />
        <TextField
          {...field.text("contact", department?.contact)}
          label={m.contact}
          maxLength={100}
        />
        <TextField
          {...field.text("sortOrder", String(department?.sortOrder ?? 0))}
          label={m.sortOrder}
          inputMode="numeric"
          maxLength={3}
        />
      </div>
      <Checkbox {...field.check("active", department?.active ?? true)} label={m.active} />
      <SubmitButton pending={pending}>{department ? m.save : m.create}</SubmitButton>
    </form>
  );
}
