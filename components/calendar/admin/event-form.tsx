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
import type { EventFormState, EventFormValues } from "@/lib/events/schema";
import { idleForm } from "@/lib/form-state";
import { cmsMessages } from "@/lib/messages/cms";

const m = cmsMessages.events;
const f = m.fields;

export interface EventFormProps {
  /** The page's server action (app/(admin)/admin/events/actions.ts). */
  action: (previous: EventFormState, formData: FormData) => Promise<EventFormState>;
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
  const { state, formAction, pending, field } = useFormAction(
    props.action,
    idleForm(props.initial),
    { formId: "event", permalink: props.permalink },
  );
  const none = cmsMessages.common.none;

  return (
    <form action={formAction} noValidate className="space-y-6">
      <FormAlert state={state} />
      {props.id !== null && <input type="hidden" name="id" value={props.id} />}
      {props.updatedAt && <input type="hidden" name="updatedAt" value={props.updatedAt} />}

      <Section id="event-basics" title={m.sections.basics}>
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
            placeholder={none}
          />
          <SelectField
            {...field.text("topicId")}
            label={f.topic}
            optional
            options={props.topics}
            placeholder={none}
          />
        </div>
        <TextArea {...field.text("summary")} label={f.summary} optional rows={2} />
        <TextArea {...field.text("body")} label={f.body} optional rows={8} mono hint={f.bodyHint} />
      </Section>

      <Section id="event-when" title={m.sections.when}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            {...field.text("startsAt")}
            type="datetime-local"
            label={f.startsAt}
            required
            hint={f.timeHint}
          />
          <TextField {...field.text("endsAt")} type="datetime-local" label={f.endsAt} required />
          <SelectField
            {...field.text("townId")}
            label={f.town}
            optional
            options={props.towns}
            placeholder={none}
          />
          <TextField {...field.text("venue")} label={f.venue} required maxLength={100} />
        </div>
      </Section>

      <Section id="event-organisers" title={m.sections.organisers}>
        <p className="text-sm text-muted">{f.organisersHint}</p>
        <CheckboxGroup
          {...field.list("sectorIds")}
          legend={f.sectors}
          options={props.sectors}
          columns={4}
        />
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
      </Section>

      <Section id="event-attendance" title={m.sections.attendance}>
        <Checkbox {...field.check("openToPublic")} label={f.openToPublic} />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            {...field.text("capacity")}
            inputMode="numeric"
            label={f.capacity}
            optional
            hint={f.capacityHint}
            maxLength={6}
          />
          <TextField
            {...field.text("registrationOpensAt")}
            type="datetime-local"
            label={f.registrationOpensAt}
            optional
            hint={f.registrationOpensAtHint}
          />
          <TextField
            {...field.text("registrationClosesAt")}
            type="datetime-local"
            label={f.registrationClosesAt}
            optional
            hint={f.registrationClosesAtHint}
          />
        </div>
      </Section>

      <div className="flex flex-wrap gap-3 border-t border-stone-300 pt-4">
        <SubmitButton pending={pending}>{cmsMessages.common.save}</SubmitButton>
      </div>
    </form>
  );
}
