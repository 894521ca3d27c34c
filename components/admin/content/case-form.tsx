"use client";

import type { CaseFormState, CaseFormValues } from "@/lib/cases/schema";
import { idleForm } from "@/lib/form-state";
import { cmsMessages } from "@/lib/messages/cms";
import {
  buttonClass,
  Checkbox,
  type Option,
  SelectField,
  TextArea,
  TextField,
} from "../kit/fields";
import { FormAlert } from "../kit/form-alert";
import { useFormAction } from "../kit/use-form";

const m = cmsMessages.cases;
const f = m.fields;

/** The anonymised case: the editor rewrites the draft and confirms it holds no personal data. */
export function CaseForm({
  action,
  id,
  noteId,
  initial,
  categories,
  towns,
  permalink,
}: {
  /** The server action that saves the case. */
  action: (previous: CaseFormState, formData: FormData) => Promise<CaseFormState>;
  id: number | null;
  noteId: number | null;
  initial: CaseFormValues;
  categories: Option[];
  towns: Option[];
  permalink: string;
}) {
  const { state, formAction, pending, field } = useFormAction(action, idleForm(initial), {
    formId: "case",
    permalink,
  });
  return (
    <form action={formAction} noValidate className="max-w-3xl space-y-5">
      <FormAlert state={state} />
      {id !== null && <input type="hidden" name="id" value={id} />}
      {noteId !== null && <input type="hidden" name="noteId" value={noteId} />}
      <TextField {...field.text("title")} label={f.title} required maxLength={80} />
      <TextArea
        {...field.text("summary")}
        label={f.summary}
        required
        rows={5}
        hint={f.summaryHint}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          {...field.text("category")}
          label={f.category}
          optional
          options={categories}
          placeholder={cmsMessages.common.none}
        />
        <SelectField
          {...field.text("townId")}
          label={f.town}
          optional
          options={towns}
          placeholder={cmsMessages.common.none}
        />
      </div>
      <TextField
        {...field.text("departmentName")}
        label={f.departmentName}
        optional
        maxLength={120}
      />
      <TextArea {...field.text("outcome")} label={f.outcome} required rows={5} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField {...field.text("receivedOn")} type="date" label={f.receivedOn} optional />
        <TextField {...field.text("resolvedOn")} type="date" label={f.resolvedOn} optional />
      </div>
      <div className="space-y-3 rounded-md border border-gold-500 bg-gold-100/60 p-4">
        <Checkbox {...field.check("reviewed")} label={f.reviewed} />
        <Checkbox {...field.check("publish")} label={f.publish} />
      </div>
      <div className="border-t border-stone-300 pt-4">
        <button type="submit" className={buttonClass.primary} disabled={pending}>
          {pending ? cmsMessages.common.saving : cmsMessages.common.save}
        </button>
      </div>
    </form>
  );
}
