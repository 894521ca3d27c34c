"use client";

import type { FormAction } from "@/components/admin/form-action";
import {
  FormAlert,
  Hint,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from "@/components/admin/kit";
import { ui } from "@/components/admin/ui";
import type { ProposalInput } from "@/db/queries/pipeline/proposals";
import { adminMessages } from "@/lib/messages/admin";
import { CheckList, HiddenFields, usePipelineForm } from "./pipeline-fields";

const m = adminMessages.proposals;
const kinds = ["proposal", "plenary_speech"] as const;
const kindOptions = kinds.map((k) => ({ value: k, label: adminMessages.proposalKinds[k] }));

/** The form's values: what is saved (db's `ProposalInput`), and the id once it exists. */
export type ProposalFormValues = ProposalInput & { id: number | null };

/** A proposal or plenary speech, the topic it came from, the notes it draws on, its members. */
export function ProposalForm({
  action,
  proposal,
  topics,
  notes,
  members,
  permalink,
}: {
  action: FormAction;
  proposal: ProposalFormValues;
  topics: { id: number; title: string }[];
  notes: { id: number; title: string; hint: string }[];
  members: { id: number; name: string; hint: string }[];
  permalink: string;
}) {
  const { state, formAction, pending, field } = usePipelineForm(action, permalink);
  const ticked = {
    notes: field.list("notes", proposal.noteIds.map(String)),
    members: field.list("members", proposal.memberIds.map(String)),
  };
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormAlert state={state} />
      <HiddenFields values={{ id: proposal.id, year: proposal.year }} />
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr_12rem]">
        <SelectField {...field.text("kind", proposal.kind)} label={m.kind} options={kindOptions} />
        <TextField
          {...field.text("title", proposal.title)}
          label={m.name}
          required
          maxLength={80}
        />
        <TextField
          {...field.text("number", proposal.number)}
          label={m.number}
          maxLength={30}
          placeholder={m.numberHint}
        />
      </div>
      <TextArea
        {...field.text("summary", proposal.summary)}
        label={m.summary}
        rows={3}
        maxLength={2000}
      />
      <SelectField
        {...field.text(
          "researchTopicId",
          proposal.researchTopicId ? String(proposal.researchTopicId) : "",
        )}
        label={m.researchTopic}
        placeholder={m.noResearchTopic}
        options={topics.map((t) => ({ value: String(t.id), label: t.title }))}
        className="sm:max-w-md"
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <fieldset aria-describedby={`${ticked.notes.id}-hint`}>
          <legend className={ui.label}>{m.notes}</legend>
          <Hint id={ticked.notes.id}>{m.notesHint}</Hint>
          {notes.length === 0 ? (
            <p className="mt-2 text-muted">{m.noNotes}</p>
          ) : (
            <CheckList
              {...ticked.notes}
              items={notes.map((n) => ({ value: String(n.id), label: n.title, hint: n.hint }))}
            />
          )}
        </fieldset>
        <fieldset>
          <legend className={ui.label}>{m.members}</legend>
          <CheckList
            {...ticked.members}
            items={members.map((p) => ({ value: String(p.id), label: p.name, hint: p.hint }))}
          />
        </fieldset>
      </div>
      <SubmitButton pending={pending}>{proposal.id === null ? m.create : m.save}</SubmitButton>
    </form>
  );
}
