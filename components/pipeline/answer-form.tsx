"use client";

import { useId } from "react";
import type { FormAction } from "@/components/admin/form-action";
import { FormAlert, RadioGroup, SelectField, SubmitButton } from "@/components/admin/kit";
import { adminMessages } from "@/lib/messages/admin";
import { HiddenFields, TemplatedText, usePipelineForm } from "./pipeline-fields";

const m = adminMessages.note;
const levels = (["satisfied", "basically_satisfied", "unsatisfied"] as const).map((level) => ({
  value: level,
  label: adminMessages.satisfaction[level],
}));

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
  const id = useId();
  const { state, formAction, pending, field } = usePipelineForm(action, permalink);
  return (
    <form action={formAction} className="space-y-3" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="font-semibold">
        {m.answerForm(departmentName)}
      </h3>
      <FormAlert state={state} />
      <HiddenFields values={{ noteId, version, transferId }} />
      <TemplatedText
        {...field.text("answer")}
        label={m.answerText}
        rows={4}
        maxLength={4000}
        templates={templates}
      />
      <RadioGroup
        {...field.text("satisfaction")}
        legend={m.answerSatisfaction}
        options={[{ value: "", label: m.satisfactionUnknown }, ...levels]}
      />
      <SubmitButton pending={pending} name="intent" value="answer">
        {m.answerSubmit}
      </SubmitButton>
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
  const { state, formAction, pending, field } = usePipelineForm(action, permalink);
  return (
    <form action={formAction} className="mt-2 space-y-2">
      <FormAlert state={state} />
      <HiddenFields values={{ noteId, transferId }} />
      <div className="flex flex-wrap items-end gap-2">
        <SelectField
          {...field.text("satisfaction", current ?? "satisfied")}
          label={m.satisfactionForm}
          options={levels}
        />
        <SubmitButton pending={pending} tone="secondary" pendingLabel={m.satisfactionSubmit}>
          {m.satisfactionSubmit}
        </SubmitButton>
      </div>
    </form>
  );
}
