"use client";

import { useActionState } from "react";
import { saveDirectoryAction } from "@/app/(admin)/admin/directory/actions";
import type { DirectoryFormState, DirectoryFormValues } from "@/app/(admin)/admin/directory/schema";
import type { DirectoryKind } from "@/db/queries/admin-directory";
import { cmsMessages } from "@/lib/messages/cms";
import {
  buttonClass,
  Checkbox,
  CheckboxGroup,
  type Option,
  SelectField,
  TextArea,
  TextField,
} from "./fields";
import { FormAlert } from "./form-alert";

const m = cmsMessages.directory;
const f = m.fields;

export interface DirectoryFormProps {
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
  const initialState: DirectoryFormState = {
    values: props.initial,
    fieldErrors: {},
    message: null,
  };
  const [state, formAction, pending] = useActionState(
    saveDirectoryAction,
    initialState,
    props.permalink,
  );
  const v = state.values;
  const e = state.fieldErrors;
  const id = (name: string) => `directory-${name}`;
  const { kind } = props;

  return (
    <form action={formAction} noValidate className="max-w-3xl space-y-5">
      <FormAlert message={state.message} tone={state.tone} />
      <input type="hidden" name="directoryKind" value={kind} />
      {props.id !== null && <input type="hidden" name="id" value={props.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id={id("name")}
          name="name"
          label={f.name}
          required
          defaultValue={v.name}
          error={e.name}
          maxLength={60}
        />
        <TextField
          id={id("slug")}
          name="slug"
          label={f.slug}
          required
          defaultValue={v.slug}
          error={e.slug}
          hint={f.slugHint}
          maxLength={80}
        />
        {(kind === "towns" || kind === "organisations") && (
          <SelectField
            id={id("kind")}
            name="kind"
            label={f.kind}
            required
            options={props.kinds}
            placeholder=""
            defaultValue={v.kind}
            error={e.kind}
          />
        )}
        {kind === "organisations" && (
          <SelectField
            id={id("townId")}
            name="townId"
            label={f.town}
            optional
            options={props.towns}
            placeholder={cmsMessages.common.none}
            defaultValue={v.townId}
            error={e.townId}
          />
        )}
        {kind === "topics" && (
          <SelectField
            id={id("campaignId")}
            name="campaignId"
            label={f.campaign}
            optional
            options={props.campaigns}
            placeholder={cmsMessages.common.none}
            defaultValue={v.campaignId}
            error={e.campaignId}
          />
        )}
        <TextField
          id={id("sortOrder")}
          name="sortOrder"
          inputMode="numeric"
          label={f.sortOrder}
          defaultValue={v.sortOrder}
          error={e.sortOrder}
          hint={f.sortOrderHint}
          maxLength={7}
        />
      </div>
      {kind === "organisations" && (
        <TextField
          id={id("address")}
          name="address"
          label={f.address}
          optional
          defaultValue={v.address}
          error={e.address}
          maxLength={120}
        />
      )}
      {kind !== "towns" && (
        <TextArea
          id={id("description")}
          name="description"
          label={f.description}
          optional
          rows={4}
          defaultValue={v.description}
          error={e.description}
        />
      )}
      {kind === "organisations" && (
        <>
          <CheckboxGroup
            id={id("sectorIds")}
            name="sectorIds"
            legend={f.sectors}
            options={props.sectors}
            checked={v.sectorIds}
            error={e.sectorIds}
            columns={4}
          />
          <Checkbox
            id={id("active")}
            name="active"
            label={f.active}
            defaultChecked={v.active === "on"}
            error={e.active}
          />
        </>
      )}
      {kind === "topics" && (
        <Checkbox
          id={id("openForOpinions")}
          name="openForOpinions"
          label={f.openForOpinions}
          defaultChecked={v.openForOpinions === "on"}
          error={e.openForOpinions}
        />
      )}
      <div className="border-t border-stone-300 pt-4">
        <button type="submit" className={buttonClass.primary} disabled={pending}>
          {pending ? cmsMessages.common.saving : cmsMessages.common.save}
        </button>
      </div>
    </form>
  );
}
