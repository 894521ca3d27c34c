/**
 * The one result shape of every form on the site (public, auth, member, staff): what
 * happened, one message for the form, a message per field, what was typed (echoed back so a
 * refused form keeps it) and an optional result to show (a preview, a one-time link).
 * Plain data: it crosses from the server action to the client form, and with JavaScript off
 * the page renders it from the same action.
 */

import { commonMessages } from "@/lib/messages/common";
import { fieldWithControlCharacters } from "@/lib/text/control-characters.mjs";

export type FormValue = string | string[];
export type FormValues = Record<string, FormValue>;

export interface FormState<V extends FormValues = FormValues, R = undefined> {
  /** "idle" before the first submission; "error": refused, nothing changed; "ok": done. */
  status: "idle" | "ok" | "error";
  /** The form-wide message; null when there is none. */
  message: string | null;
  fieldErrors: Partial<Record<Extract<keyof V, string>, string>>;
  values: V;
  result?: R;
}

/** A form before its first submission (optionally with its starting values). */
export function idleForm<V extends FormValues = FormValues, R = undefined>(
  values: V = {} as V,
): FormState<V, R> {
  return { status: "idle", message: null, fieldErrors: {}, values };
}

/** A refusal that keeps what was typed. */
export function refusedForm<V extends FormValues, R = undefined>(
  values: V,
  message: string,
  fieldErrors: FormState<V, R>["fieldErrors"] = {},
): FormState<V, R> {
  return { status: "error", message, fieldErrors, values };
}

/**
 * The answer to a form whose text holds a control character, given before anything reads
 * it (every form asks, lib/text/control-characters.mjs): the message on the field that holds
 * one, when the form shows messages there (`fields`, by default the echoed ones), and for
 * the form; what was typed is kept as it was. null when the form is clean.
 */
export function controlCharacterRefusal<V extends FormValues, R = undefined>(
  formData: FormData,
  values: V,
  fields: readonly string[] = Object.keys(values),
): FormState<V, R> | null {
  const field = fieldWithControlCharacters(formData);
  if (field === null) return null;
  const message = commonMessages.errors.controlCharacters;
  const fieldErrors = (fields.includes(field) ? { [field]: message } : {}) as FormState<
    V,
    R
  >["fieldErrors"];
  return refusedForm<V, R>(values, message, fieldErrors);
}

/** Success, with a message and (optionally) a result to show. */
export function doneForm<V extends FormValues, R = undefined>(
  values: V,
  message: string | null,
  result?: R,
): FormState<V, R> {
  return {
    status: "ok",
    message,
    fieldErrors: {},
    values,
    ...(result === undefined ? {} : { result }),
  };
}

/** A field's text as the form holds it. */
export function fieldValue(state: FormState, name: string, fallback = ""): string {
  const value = state.values[name];
  return typeof value === "string" ? value : fallback;
}

/** A multi-valued field (checkboxes) as the form holds it. */
export function fieldValues(state: FormState, name: string, fallback: string[] = []): string[] {
  const value = state.values[name];
  return Array.isArray(value) ? value : fallback;
}

/** Long enough for any field a person types; a flood is cut, not echoed whole. */
export const ECHO_LIMIT = 60_000;

/**
 * Reads the named fields of a submitted form as strings (and the `multi` ones as lists),
 * trimmed to ECHO_LIMIT. Files and unknown fields are ignored.
 */
export function readFormValues<T extends string, M extends string = never>(
  formData: FormData,
  fields: readonly T[],
  multi: readonly M[] = [],
): Record<T, string> & Record<M, string[]> {
  const out: Record<string, FormValue> = {};
  for (const name of fields) {
    const value = formData.get(name);
    out[name] = typeof value === "string" ? value.slice(0, ECHO_LIMIT) : "";
  }
  for (const name of multi) {
    out[name] = formData
      .getAll(name)
      .filter((v): v is string => typeof v === "string")
      .slice(0, 500)
      .map((v) => v.slice(0, 200));
  }
  return out as Record<T, string> & Record<M, string[]>;
}

/** The first message per field from zod issues (path[0] names the field). */
export function firstIssuePerField<F extends string>(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  fields: readonly F[],
): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field !== "string" || !(fields as readonly string[]).includes(field)) continue;
    out[field as F] ??= issue.message;
  }
  return out;
}

/** A stable element id for a field of a form. */
export function fieldId(formId: string, name: string): string {
  return `${formId}-${name}`;
}

/** A positive integer id from a form field (`^[1-9]\d{0,8}$`), or null. */
export function idFromForm(formData: FormData, name: string): number | null {
  const value = formData.get(name);
  return typeof value === "string" && /^[1-9]\d{0,8}$/.test(value.trim())
    ? Number(value.trim())
    : null;
}

/** Every positive integer id sent under `name` (checkboxes), without repeats. */
export function idsFromForm(formData: FormData, name: string): number[] {
  return [
    ...new Set(
      formData
        .getAll(name)
        .map((v) => (typeof v === "string" && /^[1-9]\d{0,8}$/.test(v) ? Number(v) : 0))
        .filter((n) => n > 0),
    ),
  ];
}
