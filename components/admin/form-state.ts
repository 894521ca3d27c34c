/**
 * One result shape for every form of the staff console: what happened, the message to
 * show, a message per field, and what was typed (so a refused form keeps it).
 */
export interface AdminFormState {
  status: "idle" | "ok" | "error";
  message: string | null;
  fieldErrors: Record<string, string>;
  values: Record<string, string | string[]>;
  /** Server-rendered extras (a Markdown preview). */
  previewHtml?: string;
}

export const idleState: AdminFormState = {
  status: "idle",
  message: null,
  fieldErrors: {},
  values: {},
};

export function fieldValue(state: AdminFormState, name: string, fallback = ""): string {
  const value = state.values[name];
  return typeof value === "string" ? value : fallback;
}

export function fieldValues(
  state: AdminFormState,
  name: string,
  fallback: string[] = [],
): string[] {
  const value = state.values[name];
  return Array.isArray(value) ? value : fallback;
}
