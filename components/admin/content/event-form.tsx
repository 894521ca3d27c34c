"use client";

import { useActionState } from "react";
import { saveEventAction } from "@/app/(admin)/admin/events/actions";
import type { EventFormState, EventFormValues } from "@/app/(admin)/admin/events/schema";
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

const m = cmsMessages.events;
const f = m.fields;

export interface EventFormProps {
  id: number | null;
  initial: EventFormValues;
  updatedAt: string | null;
  kinds: Option[];
  serviceTypes: Option[];
  towns: Option[];
  campaigns: Option[];
  topics: Option[];
  sectors: Option[];
  /** Organisations grouped by kind, each group under its own legend. */
  organisationGroups: { kind: string; label: string; options: Option[] }[];
  permalink: string;
}

function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className="space-y-4 rounded-md border border-stone-300 bg-white p-4 sm:p-5"
    >
      <h2 id={id} className="font-serif text-lg font-bold text-brand-800">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The events editor; a plain multipart post without JavaScript, values kept when refused. */
export function EventForm(props: EventFormProps) {
  const initialState: EventFormState = { values: props.initial, fieldErrors: {}, message: null };
  const [state, formAction, pending] = useActionState(
    saveEventAction,
    initialState,
    props.permalink,
  );
  const v = state.values;
  const e = state.fieldErrors;
  const id = (name: string) => `event-${name}`;
  const none = cmsMessages.common.none;

  return (
    <form action={formAction} noValidate className="space-y-6">
      <FormAlert message={state.message} tone={state.tone} />
      {props.id !== null && <input type="hidden" name="id" value={props.id} />}
      {props.updatedAt && <input type="hidden" name="updatedAt" value={props.updatedAt} />}

      <Section id="event-basics" title={m.sections.basics}>
        <TextField
          id={id("title")}
          name="title"
          label={f.title}
          required
          defaultValue={v.title}
          error={e.title}
          maxLength={100}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            id={id("kind")}
            name="kind"
            label={f.kind}
            required
            options={props.kinds}
            defaultValue={v.kind}
            error={e.kind}
          />
          <SelectField
            id={id("serviceType")}
            name="serviceType"
            label={f.serviceType}
            options={props.serviceTypes}
            placeholder={none}
            defaultValue={v.serviceType}
            error={e.serviceType}
            hint={f.serviceTypeHint}
          />
          <SelectField
            id={id("campaignId")}
            name="campaignId"
            label={f.campaign}
            optional
            options={props.campaigns}
            placeholder={none}
            defaultValue={v.campaignId}
            error={e.campaignId}
          />
          <SelectField
            id={id("topicId")}
            name="topicId"
            label={f.topic}
            optional
            options={props.topics}
            placeholder={none}
            defaultValue={v.topicId}
            error={e.topicId}
          />
        </div>
        <TextArea
          id={id("summary")}
          name="summary"
          label={f.summary}
          optional
          rows={2}
          defaultValue={v.summary}
          error={e.summary}
        />
        <TextArea
          id={id("body")}
          name="body"
          label={f.body}
          optional
          rows={8}
          mono
          defaultValue={v.body}
          error={e.body}
          hint={f.bodyHint}
        />
      </Section>

      <Section id="event-when" title={m.sections.when}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            id={id("startsAt")}
            name="startsAt"
            type="datetime-local"
            label={f.startsAt}
            required
            defaultValue={v.startsAt}
            error={e.startsAt}
            hint={f.timeHint}
          />
          <TextField
            id={id("endsAt")}
            name="endsAt"
            type="datetime-local"
            label={f.endsAt}
            required
            defaultValue={v.endsAt}
            error={e.endsAt}
          />
          <SelectField
            id={id("townId")}
            name="townId"
            label={f.town}
            optional
            options={props.towns}
            placeholder={none}
            defaultValue={v.townId}
            error={e.townId}
          />
          <TextField
            id={id("venue")}
            name="venue"
            label={f.venue}
            required
            defaultValue={v.venue}
            error={e.venue}
            maxLength={100}
          />
        </div>
      </Section>

      <Section id="event-organisers" title={m.sections.organisers}>
        <p className="text-sm text-muted">{f.organisersHint}</p>
        <CheckboxGroup
          id={id("sectorIds")}
          name="sectorIds"
          legend={f.sectors}
          options={props.sectors}
          checked={v.sectorIds}
          error={e.sectorIds}
          columns={4}
        />
        {props.organisationGroups.map((group, i) => (
          <CheckboxGroup
            key={group.kind}
            id={id(`organisationIds-${group.kind}`)}
            name="organisationIds"
            legend={group.label}
            options={group.options}
            checked={v.organisationIds}
            // The one message about organisers goes under the last group.
            error={i === props.organisationGroups.length - 1 ? e.organisationIds : undefined}
            columns={3}
          />
        ))}
      </Section>

      <Section id="event-attendance" title={m.sections.attendance}>
        <Checkbox
          id={id("openToPublic")}
          name="openToPublic"
          label={f.openToPublic}
          defaultChecked={v.openToPublic === "on"}
          error={e.openToPublic}
        />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            id={id("capacity")}
            name="capacity"
            inputMode="numeric"
            label={f.capacity}
            optional
            defaultValue={v.capacity}
            error={e.capacity}
            hint={f.capacityHint}
            maxLength={6}
          />
          <TextField
            id={id("registrationOpensAt")}
            name="registrationOpensAt"
            type="datetime-local"
            label={f.registrationOpensAt}
            optional
            defaultValue={v.registrationOpensAt}
            error={e.registrationOpensAt}
            hint={f.registrationOpensAtHint}
          />
          <TextField
            id={id("registrationClosesAt")}
            name="registrationClosesAt"
            type="datetime-local"
            label={f.registrationClosesAt}
            optional
            defaultValue={v.registrationClosesAt}
            error={e.registrationClosesAt}
            hint={f.registrationClosesAtHint}
          />
        </div>
      </Section>

      <div className="flex flex-wrap gap-3 border-t border-stone-300 pt-4">
        <button type="submit" className={buttonClass.primary} disabled={pending}>
          {pending ? cmsMessages.common.saving : cmsMessages.common.save}
        </button>
      </div>
    </form>
  );
}
