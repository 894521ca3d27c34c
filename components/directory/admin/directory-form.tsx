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
  /** The row's current photo (sectors, towns, organisations). */
  photo?: { src: string; width: number | null; height: number | null } | null;
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
      {kind !== "topics" && (
        <PhotoField
          field={field}
          photo={props.photo ?? null}
          error={form.state.fieldErrors.photo}
        />
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

/** The photo: the current one (if any) with a box to remove it, and a file input. */
function PhotoField({
  field,
  photo,
  error,
}: {
  field: ReturnType<typeof kit.useFormAction<DirectoryFormValues>>["field"];
  photo: NonNullable<DirectoryFormProps["photo"]> | null;
  error: string | undefined;
}) {
  const id = field.id("photo");
  return (
    <div>
      {photo && (
        <figure className="mb-2">
          {/* biome-ignore lint/performance/noImgElement: a stored file, served as is */}
          <img
            src={photo.src}
            alt={f.photoCurrent}
            width={photo.width ?? undefined}
            height={photo.height ?? undefined}
            className="h-auto max-h-40 w-auto rounded border border-stone-300"
          />
          <figcaption className="mt-1 text-sm text-muted">{f.photoCurrent}</figcaption>
        </figure>
      )}
      <label htmlFor={id} className="font-medium">
        {f.photo}
        <span className="text-sm font-normal text-muted">{cmsMessages.common.optional}</span>
      </label>
      <input
        id={id}
        name="photo"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        className={`${kit.inputClass(Boolean(error))} text-sm`}
      />
      <kit.Hint id={id}>{f.photoHint}</kit.Hint>
      <kit.FieldError id={id} error={error} />
      {photo && (
        <div className="mt-2">
          <Checkbox {...field.check("removePhoto")} label={f.photoRemove} />
        </div>
      )}
    </div>
  );
}
