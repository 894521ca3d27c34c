"use client";

import { type ReactNode, useActionState } from "react";
import { FormAlert } from "@/components/admin/kit/form-alert";
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
  const v = state.values;
  const e = state.fieldErrors;
  const id = (name: string) => `opinion-${name}`;
  const describedBy = (field: Field, hint: boolean) =>
    [hint ? `${id(field)}-hint` : "", e[field] ? `${id(field)}-error` : ""]
      .filter(Boolean)
      .join(" ") || undefined;
  const inputClass = (field: Field) =>
    `mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base ${
      e[field] ? "border-brand-700 ring-1 ring-brand-700" : "border-stone-500"
    }`;
  const label = (field: Field, title: string, required: boolean) => (
    <label htmlFor={id(field)} className="font-medium">
      {title}
      <span className="text-sm font-normal text-muted">
        {required ? text.required : text.optional}
      </span>
    </label>
  );
  const after = (field: Field, hint?: ReactNode) => (
    <>
      {hint && (
        <p id={`${id(field)}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      )}
      {e[field] && (
        <p id={`${id(field)}-error`} className="mt-1 text-sm font-medium text-brand-700">
          {e[field]}
        </p>
      )}
    </>
  );

  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormAlert state={state} />
      <div>
        {label("topicId", text.topic, true)}
        <select
          // A select takes its default only when it mounts: a new default needs a new element.
          key={v.topicId}
          id={id("topicId")}
          name="topicId"
          required
          defaultValue={v.topicId}
          aria-invalid={e.topicId ? true : undefined}
          aria-describedby={describedBy("topicId", false)}
          className={inputClass("topicId")}
        >
          <option value="">{text.topicChoose}</option>
          {topics.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
        {after("topicId")}
      </div>
      <div>
        {label("name", text.name, true)}
        <input
          id={id("name")}
          name="name"
          type="text"
          autoComplete="name"
          maxLength={20}
          required
          defaultValue={v.name}
          aria-invalid={e.name ? true : undefined}
          aria-describedby={describedBy("name", true)}
          className={inputClass("name")}
        />
        {after("name", text.nameHint)}
      </div>
      <div>
        {label("contact", text.contact, false)}
        <input
          id={id("contact")}
          name="contact"
          type="text"
          autoComplete="tel"
          maxLength={50}
          defaultValue={v.contact}
          aria-invalid={e.contact ? true : undefined}
          aria-describedby={describedBy("contact", true)}
          className={inputClass("contact")}
        />
        {after("contact", text.contactHint)}
      </div>
      <div>
        {label("body", text.body, true)}
        <textarea
          id={id("body")}
          name="body"
          rows={6}
          maxLength={2000}
          required
          defaultValue={v.body}
          aria-invalid={e.body ? true : undefined}
          aria-describedby={describedBy("body", true)}
          className={inputClass("body")}
        />
        {after("body", text.bodyHint)}
      </div>
      {/* A trap for bots: off-screen, hidden from assistive technology, out of the tab order. */}
      <div
        aria-hidden="true"
        className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden"
      >
        <label htmlFor={id("hp")}>{text.honeypot}</label>
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
        {pending ? text.submitting : text.submit}
      </button>
    </form>
  );
}
