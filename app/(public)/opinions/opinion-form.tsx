"use client";

import { useActionState } from "react";
import { SelectField, TextArea, TextField } from "@/components/admin/content/fields";
import { FormAlert } from "@/components/admin/content/form-alert";
import { cmsOpinionsMessages } from "@/lib/messages/cms";
import { submitOpinionAction } from "./actions";
import type { OpinionFormState, OpinionFormValues } from "./schema";

const m = cmsOpinionsMessages;
const f = m.fields;

/**
 * The opinion form. Without JavaScript it posts to /opinions, which renders this form
 * again with the action's state; with JavaScript the same action runs in place.
 */
export function OpinionForm({
  topics,
  initial,
  honeypotName,
}: {
  topics: { value: string; label: string }[];
  initial: OpinionFormValues;
  honeypotName: string;
}) {
  const initialState: OpinionFormState = { values: initial, fieldErrors: {}, message: null };
  const [state, formAction, pending] = useActionState(
    submitOpinionAction,
    initialState,
    "/opinions",
  );
  const v = state.values;
  const e = state.fieldErrors;
  const id = (name: string) => `opinion-${name}`;
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormAlert message={state.message} tone={state.tone} />
      <SelectField
        id={id("topicId")}
        name="topicId"
        label={f.topic}
        required
        options={topics}
        placeholder={f.topicChoose}
        defaultValue={v.topicId}
        error={e.topicId}
      />
      <TextField
        id={id("name")}
        name="name"
        label={f.name}
        required
        defaultValue={v.name}
        error={e.name}
        hint={f.nameHint}
        maxLength={20}
        autoComplete="name"
      />
      <TextField
        id={id("contact")}
        name="contact"
        label={f.contact}
        optional
        defaultValue={v.contact}
        error={e.contact}
        hint={f.contactHint}
        maxLength={50}
        autoComplete="tel"
      />
      <TextArea
        id={id("body")}
        name="body"
        label={f.body}
        required
        rows={6}
        defaultValue={v.body}
        error={e.body}
        hint={f.bodyHint}
        maxLength={2000}
      />
      {/* A trap for bots: off-screen, hidden from assistive technology, out of the tab order. */}
      <div
        aria-hidden="true"
        className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden"
      >
        <label htmlFor={id("hp")}>{f.honeypot}</label>
        <input
          id={id("hp")}
          name={honeypotName}
          type="text"
          tabIndex={-1}
          autoComplete="off"
          defaultValue=""
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-70 sm:w-auto"
      >
        {pending ? m.submitting : m.submit}
      </button>
    </form>
  );
}
