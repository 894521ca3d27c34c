"use client";

import * as kit from "@/components/admin/kit";
import { caseOutcomeClass } from "@/components/cases/outcome-style";
import { RichTextEditor } from "@/components/rich-text/rich-text-editor";
import type { CaseFormState, CaseFormValues } from "@/lib/cases/schema";
import { idleForm } from "@/lib/form-state";
import { cmsMessages } from "@/lib/messages/cms";
import type { InlineImageAnswer } from "@/lib/rich-text/editor";

const { Checkbox, SelectField, TextArea, TextField } = kit;

const m = cmsMessages.cases;
const f = m.fields;

/**
 * The anonymised case: the editor rewrites the draft and confirms it holds no personal data.
 * The outcome is written in the rich-text editor (a textarea of HTML without JavaScript).
 */
export interface CaseFormProps extends kit.EditorProps<CaseFormState, CaseFormValues> {
  /** The note the case is written from (a new case). */
  noteId: number | null;
  categories: kit.Option[];
  towns: kit.Option[];
  /** Stores a picture placed inside the outcome (a server action). */
  uploadImage: (formData: FormData) => Promise<InlineImageAnswer>;
}

export function CaseForm({
  action,
  id,
  noteId,
  initial,
  categories,
  towns,
  uploadImage,
  permalink,
}: CaseFormProps) {
  const { field, ...form } = kit.useFormAction(action, idleForm(initial), {
    formId: "case",
    permalink,
  });
  return (
    <kit.ConsoleForm form={form} hidden={{ id, noteId }} submit={cmsMessages.common.save}>
      <TextField {...field.text("title")} label={f.title} required maxLength={80} />
      <TextArea
        {...field.text("summary")}
        label={f.summary}
        required
        rows={5}
        hint={f.summaryHint}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField {...field.text("category")} label={f.category} optional options={categories} />
        <SelectField {...field.text("townId")} label={f.town} optional options={towns} />
      </div>
      <TextField
        {...field.text("departmentName")}
        label={f.departmentName}
        optional
        maxLength={120}
      />
      <RichTextEditor
        {...field.text("outcome")}
        label={`${f.outcome}${cmsMessages.common.required}`}
        hint={f.outcomeHint}
        upload={uploadImage}
        contentClassName={caseOutcomeClass}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField {...field.text("receivedOn")} type="date" label={f.receivedOn} optional />
        <TextField {...field.text("resolvedOn")} type="date" label={f.resolvedOn} optional />
      </div>
      <div className="space-y-3 rounded-md border border-gold-500 bg-gold-100/60 p-4">
        <Checkbox {...field.check("reviewed")} label={f.reviewed} />
        <Checkbox {...field.check("publish")} label={f.publish} />
      </div>
    </kit.ConsoleForm>
  );
}
