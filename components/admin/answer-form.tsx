"use client";

import { useActionState, useId } from "react";
import { type FormState, fieldValue, idleForm } from "@/lib/form-state";
import { adminMessages } from "@/lib/messages/admin";
import type { FormAction } from "./form-action";
import { FieldError, FormMessage } from "./form-message";
import { TemplatePicker } from "./template-picker";
import { ui } from "./ui";

const m = adminMessages.note;
const levels = ["satisfied", "basically_satisfied", "unsatisfied"] as const;

/** Record a department's answer to one transfer, and the member's satisfaction if known. */
export function AnswerForm({
  action,
  noteId,
  version,
  transferId,
  departmentName,
  templates,
  permalink,
}: {
  action: FormAction;
  noteId: number;
  version: number;
  transferId: number;
  departmentName: string;
  templates: { id: number; title: string }[];
  permalink: string;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    action,
    idleForm(),
    permalink,
  );
  const id = useId();
  const satisfaction = fieldValue(state, "satisfaction");
  return (
    <form action={formAction} className="space-y-3" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="font-semibold">
        {m.answerForm(departmentName)}
      </h3>
      <FormMessage state={state} />
      <input type="hidden" name="noteId" value={noteId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="transferId" value={transferId} />
      <div>
        <label htmlFor={`${id}-answer`} className={ui.label}>
          {m.answerText}
        </label>
        <textarea
          id={`${id}-answer`}
          name="answer"
          rows={4}
          maxLength={4000}
          defaultValue={fieldValue(state, "answer")}
          aria-invalid={state.fieldErrors.answer ? true : undefined}
          aria-describedby={state.fieldErrors.answer ? `${id}-answer-error` : undefined}
          className={ui.input}
        />
        <FieldError id={`${id}-answer-error`} message={state.fieldErrors.answer} />
        <TemplatePicker templates={templates} idPrefix={`${id}-answer`} />
      </div>
      <fieldset>
        <legend className={ui.label}>{m.answerSatisfaction}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {(["", ...levels] as const).map((level) => (
            <span key={level || "unknown"} className="flex items-center gap-1.5">
              <input
                id={`${id}-s-${level || "unknown"}`}
                type="radio"
                name="satisfaction"
                value={level}
                defaultChecked={satisfaction === level}
                className="size-4 accent-brand-700"
              />
              <label htmlFor={`${id}-s-${level || "unknown"}`} className="text-[15px]">
                {level ? adminMessages.satisfaction[level] : m.satisfactionUnknown}
              </label>
            </span>
          ))}
        </div>
      </fieldset>
      <button type="submit" name="intent" value="answer" disabled={pending} className={ui.primary}>
        {pending ? adminMessages.common.saving : m.answerSubmit}
      </button>
    </form>
  );
}

/** Change the member's satisfaction on an answer already recorded. */
export function SatisfactionForm({
  action,
  noteId,
  transferId,
  current,
  permalink,
}: {
  action: FormAction;
  noteId: number;
  transferId: number;
  current: string | null;
  permalink: string;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    action,
    idleForm(),
    permalink,
  );
  const id = useId();
  return (
    <form action={formAction} className="mt-2 space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="noteId" value={noteId} />
      <input type="hidden" name="transferId" value={transferId} />
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={`${id}-sat`} className="text-sm font-medium">
            {m.satisfactionForm}
          </label>
          <select
            // A select takes its default only when it mounts: a returned value needs a new element.
            key={fieldValue(state, "satisfaction", current ?? "satisfied")}
            id={`${id}-sat`}
            name="satisfaction"
            defaultValue={fieldValue(state, "satisfaction", current ?? "satisfied")}
            className={`${ui.select} py-1.5 text-[15px]`}
          >
            {levels.map((level) => (
              <option key={level} value={level}>
                {adminMessages.satisfaction[level]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={pending} className={`${ui.secondary} py-1.5 text-[15px]`}>
          {m.satisfactionSubmit}
        </button>
      </div>
    </form>
  );
}
