"use client";

import { useActionState } from "react";
import { saveCaseAction } from "@/app/(admin)/admin/cases/actions";
import type { CaseFormState, CaseFormValues } from "@/app/(admin)/admin/cases/schema";
import { cmsMessages } from "@/lib/messages/cms";
import { buttonClass, Checkbox, type Option, SelectField, TextArea, TextField } from "./fields";
import { FormAlert } from "./form-alert";

const m = cmsMessages.cases;
const f = m.fields;

/** The anonymised case: the editor rewrites the draft and confirms it holds no personal data. */
export function CaseForm({
  id,
  noteId,
  initial,
  categories,
  towns,
  permalink,
}: {
  id: number | null;
  noteId: number | null;
  initial: CaseFormValues;
  categories: Option[];
  towns: Option[];
  permalink: string;
}) {
  const initialState: CaseFormState = { values: initial, fieldErrors: {}, message: null };
  const [state, formAction, pending] = useActionState(saveCaseAction, initialState, permalink);
  const v = state.values;
  const e = state.fieldErrors;
  const fid = (name: string) => `case-${name}`;
  return (
    <form action={formAction} noValidate className="max-w-3xl space-y-5">
      <FormAlert message={state.message} tone={state.tone} />
      {id !== null && <input type="hidden" name="id" value={id} />}
      {noteId !== null && <input type="hidden" name="noteId" value={noteId} />}
      <TextField
        id={fid("title")}
        name="title"
        label={f.title}
        required
        defaultValue={v.title}
        error={e.title}
        maxLength={80}
      />
      <TextArea
        id={fid("summary")}
        name="summary"
        label={f.summary}
        required
        rows={5}
        defaultValue={v.summary}
        error={e.summary}
        hint={f.summaryHint}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id={fid("category")}
          name="category"
          label={f.category}
          optional
          options={categories}
          placeholder={cmsMessages.common.none}
          defaultValue={v.category}
          error={e.category}
        />
        <SelectField
          id={fid("townId")}
          name="townId"
          label={f.town}
          optional
          options={towns}
          placeholder={cmsMessages.common.none}
          defaultValue={v.townId}
          error={e.townId}
        />
      </div>
      <TextField
        id={fid("departmentName")}
        name="departmentName"
        label={f.departmentName}
        optional
        defaultValue={v.departmentName}
        error={e.departmentName}
        maxLength={120}
      />
      <TextArea
        id={fid("outcome")}
        name="outcome"
        label={f.outcome}
        required
        rows={5}
        defaultValue={v.outcome}
        error={e.outcome}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id={fid("receivedOn")}
          name="receivedOn"
          type="date"
          label={f.receivedOn}
          optional
          defaultValue={v.receivedOn}
          error={e.receivedOn}
        />
        <TextField
          id={fid("resolvedOn")}
          name="resolvedOn"
          type="date"
          label={f.resolvedOn}
          optional
          defaultValue={v.resolvedOn}
          error={e.resolvedOn}
        />
      </div>
      <div className="space-y-3 rounded-md border border-gold-500 bg-gold-100/60 p-4">
        <Checkbox
          id={fid("reviewed")}
          name="reviewed"
          label={f.reviewed}
          defaultChecked={v.reviewed === "on"}
          error={e.reviewed}
        />
        <Checkbox
          id={fid("publish")}
          name="publish"
          label={f.publish}
          defaultChecked={v.publish === "on"}
          error={e.publish}
        />
      </div>
      <div className="border-t border-stone-300 pt-4">
        <button type="submit" className={buttonClass.primary} disabled={pending}>
          {pending ? cmsMessages.common.saving : cmsMessages.common.save}
        </button>
      </div>
    </form>
  );
}
