"use client";

import * as kit from "@/components/admin/kit";
import type {
  DirectoryFormState,
  DirectoryFormValues,
  DirectoryKind,
} from "@/lib/directory/schema";
import { idleForm } from "@/lib/form-state";
import { cmsMessages } from "@/lib/messages/cms";

const { Checkbox, SelectField, TextField } = kit;
const m = cmsMessages.directory;
const f = m.fields;

type Option = kit.Option;

export interface DirectoryFormProps
  extends kit.EditorProps<DirectoryFormState, DirectoryFormValues> {
  kind: DirectoryKind;
  kinds: Option[];
  towns: Option[];
  sectors: Option[];
  campaigns: Option[];
}

/** Sectors, towns, organisations and topics: the fields each kind has. */
export function DirectoryForm(props: DirectoryFormProps) {
  const { field, ...form } = kit.useFormAction(props.action, idleForm(props.initial), {
    formId: "directory",
    permalink: props.permalink,
  });
  const { kind } = props;

  return (
    <kit.ConsoleForm
      form={form}
      hidden={{ directoryKind: kind, id: props.id }}
      submit={cmsMessages.common.save}
    >
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
          <SelectField {...field.text("townId")} label={f.town} optional options={props.towns} />
        )}
        {kind === "topics" && (
          <SelectField
            {...field.text("campaignId")}
            label={f.campaign}
            optional
            options={props.campaigns}
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
      {kind !== "topics" && (
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 font-semibold">{m.contactLegend}</legend>
          <TextField {...field.text("address")} label={f.address} optional maxLength={120} />
          <TextField
            {...field.text("contactPerson")}
            label={f.contactPerson}
            optional
            maxLength={40}
          />
          <TextField
            {...field.text("contactPhone")}
            label={f.contactPhone}
            optional
            hint={f.contactPhoneHint}
            inputMode="tel"
            maxLength={30}
          />
          <TextField
            {...field.text("openingHours")}
            label={f.openingHours}
            optional
            hint={f.openingHoursHint}
            maxLength={80}
          />
        </fieldset>
      )}
      {kind !== "towns" && (
        <kit.TextArea {...field.text("description")} label={f.description} optional rows={4} />
      )}
      {kind === "organisations" && (
        <>
          <kit.CheckboxGroup
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
    </kit.ConsoleForm>
  );
}
