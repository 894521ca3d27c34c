import { type FormState, type FormValues, fieldId } from "@/lib/form-state";

/**
 * Wires a form's fields to its `FormState`: a stable id (`<formId>-<name>`), the name, the
 * value to show (what was typed, else the fallback) and the field's error. Spread the
 * result into a kit field: `<TextField {...field.text("title")} label="标题" />`.
 * Plain functions, no hooks: usable in server pages and client forms alike.
 */
export function bindFields<V extends FormValues>(formId: string, state: FormState<V, unknown>) {
  type Name = Extract<keyof V, string>;
  const values = state.values as FormValues;
  const errors = state.fieldErrors as Partial<Record<string, string>>;
  const has = (name: string) => Object.hasOwn(values, name);
  const id = (name: Name | string) => fieldId(formId, name);
  const error = (name: Name | string): string | undefined => errors[name];
  return {
    id,
    error,
    /** A text, textarea, select or date-time field. */
    text(name: Name, fallback = "") {
      const value = values[name];
      return {
        id: id(name),
        name,
        defaultValue: has(name) && typeof value === "string" ? value : fallback,
        error: error(name),
      };
    },
    /** A group of checkboxes (many values under one name). */
    list(name: Name, fallback: readonly string[] = []) {
      const value = values[name];
      return {
        id: id(name),
        name,
        checked: has(name) && Array.isArray(value) ? value : fallback,
        error: error(name),
      };
    },
    /** A single checkbox sent as "on". */
    check(name: Name, fallback = false) {
      const value = values[name];
      return {
        id: id(name),
        name,
        defaultChecked: has(name) && typeof value === "string" ? value === "on" : fallback,
        error: error(name),
      };
    },
  };
}

export type BoundFields = ReturnType<typeof bindFields>;
