"use client";

import {
  Checkbox,
  CheckboxGroup,
  FormAlert,
  type Option,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  useFormAction,
} from "@/components/admin/kit";
import type {
  DirectoryFormState,
  DirectoryFormValues,
  DirectoryKind,
} from "@/lib/directory/schema";
import { idleForm } from "@/lib/form-state";
import { cmsMessages } from "@/lib/messages/cms";

const m = cmsMessages.directory;
const f = m.fields;

export interface DirectoryFormProps {
  /** The page's server action (app/(admin)/admin/directory/actions.ts). */
  action: (previous: DirectoryFormState, formData: FormData) => Promise<DirectoryFormState>;
  kind: DirectoryKind;
  id: number | null;
  initial: DirectoryFormValues;
  kinds: Option[];
  towns: Option[];
  sectors: Option[];
  campaigns: Option[];
  permalink: string;
}

/** Sectors, towns, organisations and topics: the fields each kind has. */
export function DirectoryForm(props: DirectoryFormProps) {
  const { state, formAction, pending, field } = useFormAction(
    props.action,
    idleForm(props.initial),
    { formId: "directory", permalink: props.permalink },
  );
  const { kind } = props;

  return (
    <form action={formAction} noValidate className="max-w-3xl space-y-5">
      <FormAlert state={state} />
      <input type="hidden" name="directoryKind" value={kind} />
      {props.id !== null && <input type="hidden" name="id" value={props.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField {...field.text("name")} label={f.name} required maxLength={60} />
        <TextField
          {...field.text("slug")}
          label={f.slug}
          required
          hint={f.slugHint}
          maxLength={80}
        />
        {(kind === "towns" || kind === "organisations") && (
          <SelectField
            {...field.text("kind")}
            label={f.kind}
            required
            options={props.kinds}
            placeholder=""
          />
        )}
        {kind === "organisations" && (
          <SelectField
            {...field.text("townId")}
            label={f.town}
            optional
            options={props.towns}
            placeholder={cmsMessages.common.none}
          />
        )}
        {kind === "topics" && (
          <SelectField
            {...field.text("campaignId")}
            label={f.campaign}
            optional
            options={props.campaigns}
            placeholder={cmsMessages.common.none}
          />
        )}
        <TextField
          {...field.text("sortOrder")}
          inputMode="numeric"
          label={f.sortOrder}
          hint={f.sortOrderHint}
          maxLength={7}
        />
      </div>
      {kind === "organisations" && (
        <TextField {...field.text("address")} label={f.address} optional maxLength={120} />
      )}
      {kind !== "towns" && (
        <TextArea {...field.text("description")} label={f.description} optional rows={4} />
      )}
      {kind === "organisations" && (
        <>
          <CheckboxGroup
            {...field.list("sectorIds")}
            legend={f.sectors}
            options={props.sectors}
            columns={4}
          />
          <Checkbox {...field.check("active")} label={f.active} />
        </>
      )}
      {kind === "topics" && (
        <Checkbox {...field.check("openForOpinions")} label={f.openForOpinions} />
      )}
      <div className="border-t border-stone-300 pt-4">
        <SubmitButton pending={pending}>{cmsMessages.common.save}</SubmitButton>
      </div>
    </form>
  );
}
