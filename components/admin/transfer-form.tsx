"use client";

import { useActionState, useId } from "react";
import { type FormState, fieldValue, fieldValues, idleForm } from "@/lib/form-state";
import { adminMessages } from "@/lib/messages/admin";
import type { FormAction } from "./form-action";
import { FieldError, FormMessage } from "./form-message";
import { ui } from "./ui";

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
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    action,
    idleForm(),
    permalink,
  );
  const id = useId();
  const chosen = new Set(fieldValues(state, "departments"));
  const deptError = state.fieldErrors.departments;
  return (
    <form action={formAction} noValidate className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="noteId" value={noteId} />
      <input type="hidden" name="version" value={version} />
      <fieldset aria-describedby={deptError ? `${id}-dept-error` : undefined}>
        <legend className={ui.label}>{m.transferDepartments}</legend>
        <ul className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-2">
          {departments.map((d) => (
            <li key={d.id} className="flex items-center gap-2">
              <input
                id={`${id}-d${d.id}`}
                type="checkbox"
                name="departments"
                value={d.id}
                defaultChecked={chosen.has(String(d.id))}
                className="size-5 accent-brand-700"
              />
              <label htmlFor={`${id}-d${d.id}`} className="text-[15px]">
                {d.name}
              </label>
            </li>
          ))}
        </ul>
        <FieldError id={`${id}-dept-error`} message={deptError} />
      </fieldset>
      <div>
        <label htmlFor={`${id}-due`} className={ui.label}>
          {m.transferDueOn}
        </label>
        <input
          id={`${id}-due`}
          name="dueOn"
          type="date"
          required
          min={minDueOn}
          defaultValue={fieldValue(state, "dueOn", defaultDueOn)}
          aria-invalid={state.fieldErrors.dueOn ? true : undefined}
          aria-describedby={state.fieldErrors.dueOn ? `${id}-due-error` : undefined}
          className={`${ui.input} sm:max-w-xs`}
        />
        <FieldError id={`${id}-due-error`} message={state.fieldErrors.dueOn} />
      </div>
      <button type="submit" disabled={pending} className={ui.primary}>
        {pending ? adminMessages.common.saving : m.transferSubmit}
      </button>
    </form>
  );
}
