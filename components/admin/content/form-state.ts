/**
 * The round trip of a staff form: what was typed (echoed back so nothing is lost), a
 * message per field, one message for the form, and an optional result to show (a
 * preview, a one-time link). Plain data: it crosses from the server action to the
 * client form, and with JavaScript off the page renders it from the same action.
 */

export type FormValue = string | string[];
export type FormValues = Record<string, FormValue>;

export interface FormState<V extends FormValues, R = never> {
  values: V;
  fieldErrors: Partial<Record<Extract<keyof V, string>, string>>;
  /** The form-wide message; null before the first submission. */
  message: string | null;
  /** "error" (refused, nothing changed) or "success" (done, form stays). */
  tone?: "error" | "success";
  result?: R;
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
