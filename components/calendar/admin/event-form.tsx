"use client";

import * as kit from "@/components/admin/kit";
import type { EventFormState, EventFormValues } from "@/lib/events/schema";
import { idleForm } from "@/lib/form-state";
import { cmsMessages } from "@/lib/messages/cms";

const { CheckboxGroup, SelectField, TextArea, TextField } = kit;
const m = cmsMessages.events;
const f = m.fields;
const none = cmsMessages.common.none;

type Option = kit.Option;

export interface EventFormProps extends kit.EditorProps<EventFormState, EventFormValues> {
  updatedAt: string | null;
  kinds: Option[];
  serviceTypes: Option[];
  towns: Option[];
  campaigns: Option[];
  topics: Option[];
  sectors: Option[];
  /** Organisations grouped by kind, each group under its own legend. */
  organisationGroups: { kind: string; label: string; options: Option[] }[];
}

/** The events editor; a plain multipart post without JavaScript, values kept when refused. */
export function EventForm(props: EventFormProps) {
  const { field, ...form } = kit.useFormAction(props.action, idleForm(props.initial), {
    formId: "event",
    permalink: props.permalink,
  });
  /** A date and time, optional unless `required`. */
  const when = (
    name: "startsAt" | "endsAt" | `registration${"Opens" | "Closes"}At`,
    hint?: string,
    required = false,
  ) => (
    <TextField
      {...field.text(name)}
      type="datetime-local"
      label={f[name]}
      required={required}
      optional={!required}
      hint={hint}
    />
  );
  const panel = (id: string, title: string) => ({ id, title, className: "space-y-4" });

  return (
    <kit.ConsoleForm
      form={form}
      hidden={{ id: props.id, updatedAt: props.updatedAt }}
      className="space-y-6"
      submit={cmsMessages.common.save}
    >
      <kit.Panel {...panel("event-basics", m.sections.basics)}>
        <TextField {...field.text("title")} label={f.title} required maxLength={100} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField {...field.text("kind")} label={f.kind} required options={props.kinds} />
          <SelectField
            {...field.text("serviceType")}
            label={f.serviceType}
            options={props.serviceTypes}
            placeholder={none}
            hint={f.serviceTypeHint}
          />
          <SelectField
            {...field.text("campaignId")}
            label={f.campaign}
            optional
            options={props.campaigns}
          />
          <SelectField {...field.text("topicId")} label={f.topic} optional options={props.topics} />
        </div>
        <TextArea {...field.text("summary")} label={f.summary} optional rows={2} />
        <TextArea {...field.text("body")} label={f.body} optional rows={8} mono hint={f.bodyHint} />
      </kit.Panel>

      <kit.Panel {...panel("event-when", m.sections.when)}>
        <div className="grid gap-4 sm:grid-cols-2">
          {when("startsAt", f.timeHint, true)}
          {when("endsAt", undefined, true)}
          <SelectField {...field.text("townId")} label={f.town} optional options={props.towns} />
          <TextField {...field.text("venue")} label={f.venue} required maxLength={100} />
        </div>
      </kit.Panel>

      <kit.Panel {...panel("event-organisers", m.sections.organisers)}>
        <p className="text-sm text-muted">{f.organisersHint}</p>
        {/* An editor is offered only what they may link: often no sector at all. */}
        {props.sectors.length > 0 && (
          <CheckboxGroup
            {...field.list("sectorIds")}
            legend={f.sectors}
            options={props.sectors}
            columns={4}
          />
        )}
        {props.organisationGroups.map((group, i) => (
          <CheckboxGroup
            key={group.kind}
            {...field.list("organisationIds")}
            id={field.id(`organisationIds-${group.kind}`)}
            legend={group.label}
            options={group.options}
            // The one message about organisers goes under the last group.
            error={
              i === props.organisationGroups.length - 1 ? field.error("organisationIds") : undefined
            }
            columns={3}
          />
        ))}
      </kit.Panel>

      <kit.Panel {...panel("event-attendance", m.sections.attendance)}>
        <kit.Checkbox {...field.check("openToPublic")} label={f.openToPublic} />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            {...field.text("capacity")}
            inputMode="numeric"
            label={f.capacity}
            optional
            hint={f.capacityHint}
            maxLength={6}
          />
          {when("registrationOpensAt", f.registrationOpensAtHint)}
          {when("registrationClosesAt", f.registrationClosesAtHint)}
        </div>
        <TextArea
          {...field.text("whatToBring")}
          label={f.whatToBring}
          optional
          rows={2}
          hint={f.whatToBringHint}
        />
      </kit.Panel>
    </kit.ConsoleForm>
  );
}
