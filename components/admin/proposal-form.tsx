"use client";

import { useActionState, useId } from "react";
import { type FormState, fieldValue, fieldValues, idleForm } from "@/lib/form-state";
import { adminMessages } from "@/lib/messages/admin";
import type { FormAction } from "./form-action";
import { FieldError, FormMessage } from "./form-message";
import { ui } from "./ui";

const m = adminMessages.proposals;
const kinds = ["proposal", "plenary_speech"] as const;

export interface ProposalFormValues {
  id: number | null;
  kind: (typeof kinds)[number];
  title: string;
  year: number;
  number: string;
  summary: string;
  researchTopicId: number | null;
  noteIds: number[];
  memberIds: number[];
}

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
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    action,
    idleForm(),
    permalink,
  );
  const id = useId();
  const typed = Object.keys(state.values).length > 0;
  const v = (name: string, fallback: string) => (typed ? fieldValue(state, name) : fallback);
  const researchTopicValue = v(
    "researchTopicId",
    proposal.researchTopicId ? String(proposal.researchTopicId) : "",
  );
  const list = (name: string, fallback: number[]) =>
    new Set(typed ? fieldValues(state, name) : fallback.map(String));
  const ticked = {
    notes: list("notes", proposal.noteIds),
    members: list("members", proposal.memberIds),
  };
  const error = (name: string) => state.fieldErrors[name];
  const aria = (name: string) => ({
    "aria-invalid": error(name) ? true : undefined,
    "aria-describedby": error(name) ? `${id}-${name}-error` : undefined,
  });
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      {proposal.id !== null && <input type="hidden" name="id" value={proposal.id} />}
      <input type="hidden" name="year" value={proposal.year} />
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr_12rem]">
        <div>
          <label htmlFor={`${id}-kind`} className={ui.label}>
            {m.kind}
          </label>
          <select
            // A select takes its default only when it mounts: a returned value needs a new element.
            key={v("kind", proposal.kind)}
            id={`${id}-kind`}
            name="kind"
            defaultValue={v("kind", proposal.kind)}
            className={ui.select}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {adminMessages.proposalKinds[k]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-title`} className={ui.label}>
            {m.name}
          </label>
          <input
            id={`${id}-title`}
            name="title"
            maxLength={80}
            required
            defaultValue={v("title", proposal.title)}
            {...aria("title")}
            className={ui.input}
          />
          <FieldError id={`${id}-title-error`} message={error("title")} />
        </div>
        <div>
          <label htmlFor={`${id}-number`} className={ui.label}>
            {m.number}
          </label>
          <input
            id={`${id}-number`}
            name="number"
            maxLength={30}
            placeholder={m.numberHint}
            defaultValue={v("number", proposal.number)}
            className={ui.input}
          />
        </div>
      </div>
      <div>
        <label htmlFor={`${id}-summary`} className={ui.label}>
          {m.summary}
        </label>
        <textarea
          id={`${id}-summary`}
          name="summary"
          rows={3}
          maxLength={2000}
          defaultValue={v("summary", proposal.summary)}
          {...aria("summary")}
          className={ui.input}
        />
        <FieldError id={`${id}-summary-error`} message={error("summary")} />
      </div>
      <div className="sm:max-w-md">
        <label htmlFor={`${id}-topic`} className={ui.label}>
          {m.researchTopic}
        </label>
        <select
          // A select takes its default only when it mounts: a returned value needs a new element.
          key={researchTopicValue}
          id={`${id}-topic`}
          name="researchTopicId"
          defaultValue={researchTopicValue}
          className={ui.select}
        >
          <option value="">{m.noResearchTopic}</option>
          {topics.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </select>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <fieldset>
          <legend className={ui.label}>{m.notes}</legend>
          <p className={ui.hint}>{m.notesHint}</p>
          {notes.length === 0 ? (
            <p className="mt-2 text-muted">{m.noNotes}</p>
          ) : (
            <ul className="mt-2 max-h-80 space-y-1 overflow-y-auto rounded border border-stone-200 p-2">
              {notes.map((n) => (
                <li key={n.id} className="flex items-start gap-2">
                  <input
                    id={`${id}-n${n.id}`}
                    type="checkbox"
                    name="notes"
                    value={n.id}
                    defaultChecked={ticked.notes.has(String(n.id))}
                    className="mt-1 size-5 shrink-0 accent-brand-700"
                  />
                  <label htmlFor={`${id}-n${n.id}`} className="text-[15px]">
                    {n.title}
                    <span className="ml-2 text-sm text-muted">{n.hint}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <fieldset>
          <legend className={ui.label}>{m.members}</legend>
          <ul className="mt-2 max-h-80 space-y-1 overflow-y-auto rounded border border-stone-200 p-2">
            {members.map((p) => (
              <li key={p.id} className="flex items-start gap-2">
                <input
                  id={`${id}-p${p.id}`}
                  type="checkbox"
                  name="members"
                  value={p.id}
                  defaultChecked={ticked.members.has(String(p.id))}
                  className="mt-1 size-5 shrink-0 accent-brand-700"
                />
                <label htmlFor={`${id}-p${p.id}`} className="text-[15px]">
                  {p.name}
                  {p.hint && <span className="ml-2 text-sm text-muted">{p.hint}</span>}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      </div>
      <button type="submit" disabled={pending} className={ui.primary}>
        {pending ? adminMessages.common.saving : proposal.id === null ? m.create : m.save}
      </button>
    </form>
  );
}
