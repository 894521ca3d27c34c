import type { FormState, FormValues } from "@/lib/form-state";

/**
 * The auth and profile forms use the one FormState (lib/form-state.ts). Passwords and
 * codes are never echoed back: only what may be shown again goes into `values`.
 */

/** The TOTP set-up form: after a confirmed code, the recovery codes to show once. */
export type EnrolFormState = FormState<FormValues, { recoveryCodes: string[] }>;

/** A submitted text field, cut to `max` characters ("" when missing or a file). */
export function formText(value: FormDataEntryValue | null, max: number): string {
  return typeof value === "string" ? value.slice(0, max) : "";
}

/**
 * The refusal for the first field at fault (its message is also the form's), or null when
 * every field passed. `fieldErrors` is in the order the fields are shown.
 */
export function firstFieldRefusal<V extends FormValues>(
  values: V,
  fieldErrors: Partial<Record<string, string>>,
): FormState<V> | null {
  const given = Object.entries(fieldErrors).filter((e): e is [string, string] => Boolean(e[1]));
  const first = given[0];
  return first
    ? {
        status: "error",
        message: first[1],
        fieldErrors: Object.fromEntries(given) as FormState<V>["fieldErrors"],
        values,
      }
    : null;
}

/** A refusal at one field, said for the whole form too. */
export function refusedAtField<V extends FormValues = FormValues>(
  field: string,
  message: string,
  values: V = {} as V,
): FormState<V> {
  return {
    status: "error",
    message,
    fieldErrors: { [field]: message } as FormState<V>["fieldErrors"],
    values,
  };
}
