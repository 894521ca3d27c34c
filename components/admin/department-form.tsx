"use client";

import { useActionState, useId } from "react";
import { type FormState, fieldValue, idleForm } from "@/lib/form-state";
import { adminMessages } from "@/lib/messages/admin";
import type { FormAction } from "./form-action";
import { FieldError, FormMessage } from "./form-message";
import { ui } from "./ui";

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
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    action,
    idleForm(),
    permalink,
  );
  const id = useId();
  const typed = state.status === "error";
  const field = (name: string, fallback: string) => (typed ? fieldValue(state, name) : fallback);
  const error = (name: string) => state.fieldErrors[name];
  const described = (name: string) => (error(name) ? `${id}-${name}-error` : undefined);
  return (
    <form action={formAction} noValidate className="space-y-3">
      <FormMessage state={state} />
      {department && <input type="hidden" name="id" value={department.id} />}
      <div className="grid gap-3 sm:grid-cols-[2fr_2fr_1fr]">
        <div>
          <label htmlFor={`${id}-name`} className={ui.label}>
            {m.name}
          </label>
          <input
            id={`${id}-name`}
            name="name"
            maxLength={40}
            required
            defaultValue={field("name", department?.name ?? "")}
            aria-invalid={error("name") ? true : undefined}
            aria-describedby={described("name")}
            className={ui.input}
          />
          <FieldError id={`${id}-name-error`} message={error("name")} />
        </div>
        <div>
          <label htmlFor={`${id}-contact`} className={ui.label}>
            {m.contact}
          </label>
          <input
            id={`${id}-contact`}
            name="contact"
            maxLength={100}
            defaultValue={field("contact", department?.contact ?? "")}
            aria-invalid={error("contact") ? true : undefined}
            aria-describedby={described("contact")}
            className={ui.input}
          />
          <FieldError id={`${id}-contact-error`} message={error("contact")} />
        </div>
        <div>
          <label htmlFor={`${id}-sort`} className={ui.label}>
            {m.sortOrder}
          </label>
          <input
            id={`${id}-sort`}
            name="sortOrder"
            inputMode="numeric"
            maxLength={3}
            defaultValue={field("sortOrder", String(department?.sortOrder ?? 0))}
            aria-invalid={error("sortOrder") ? true : undefined}
            aria-describedby={described("sortOrder")}
            className={ui.input}
          />
          <FieldError id={`${id}-sortOrder-error`} message={error("sortOrder")} />
        </div>
      </div>
      <div className="flex items-center gap-2">
        <input
          id={`${id}-active`}
          type="checkbox"
          name="active"
          value="yes"
          defaultChecked={
            typed ? fieldValue(state, "active") === "yes" : (department?.active ?? true)
          }
          className="size-5 accent-brand-700"
        />
        <label htmlFor={`${id}-active`}>{m.active}</label>
      </div>
      <button type="submit" disabled={pending} className={ui.primary}>
        {department ? m.save : m.create}
      </button>
    </form>
  );
}
