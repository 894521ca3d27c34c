"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/admin/kit/form-alert";
import {
  bindFields,
  Honeypot,
  Input,
  Select,
  submitClass,
  TextArea,
} from "@/components/forms/fields";
import { idleForm } from "@/lib/form-state";
import type { OpinionFormState, OpinionFormValues } from "@/lib/opinions/schema";
import { submitOpinionAction } from "../actions";

/**
 * The strings the form shows, handed over by the page: a public page ships as little
 * JavaScript as it can, so this component imports no message catalog.
 */
export interface OpinionFormText {
  required: string;
  optional: string;
  topic: string;
  topicChoose: string;
  name: string;
  nameHint: string;
  contact: string;
  contactHint: string;
  body: string;
  bodyHint: string;
  honeypot: string;
  submit: string;
  submitting: string;
}

type Field = keyof OpinionFormValues;

/**
 * The opinion form. Without JavaScript it posts to /opinions, which renders this form
 * again with the action's state; with JavaScript the same action runs in place.
 */
export function OpinionForm({
  topics,
  initial,
  honeypotName,
  text,
}: {
  topics: { value: string; label: string }[];
  initial: OpinionFormValues;
  honeypotName: string;
  text: OpinionFormText;
}) {
  const [state, formAction, pending] = useActionState(
    submitOpinionAction,
    idleForm(initial) as OpinionFormState,
    "/opinions",
  );
  const field = bindFields((name: Field) => `opinion-${name}`, state, text);

  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormAlert state={state} />
      <Select {...field("topicId", text.topic)} placeholder={text.topicChoose} options={topics} />
      <Input
        {...field("name", text.name, { hint: text.nameHint })}
        autoComplete="name"
        maxLength={20}
      />
      <Input
        {...field("contact", text.contact, { hint: text.contactHint, optional: true })}
        autoComplete="tel"
        maxLength={50}
      />
      <TextArea {...field("body", text.body, { hint: text.bodyHint })} rows={6} maxLength={2000} />
      <Honeypot id="opinion-hp" name={honeypotName} label={text.honeypot} />
      <button type="submit" disabled={pending} className={submitClass}>
        {pending ? text.submitting : text.submit}
      </button>
    </form>
  );
}
