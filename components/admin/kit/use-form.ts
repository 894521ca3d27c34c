"use client";

import { useActionState } from "react";
import type { FormState, FormValues } from "@/lib/form-state";
import { bindFields } from "./bind";

/**
 * A staff form's round trip: `useActionState` on the server action (posting to
 * `permalink` without JavaScript, where the page renders the action's state) plus the
 * field wiring of `bindFields`.
 */
export function useFormAction<V extends FormValues, R = undefined>(
  action: (previous: FormState<V, R>, formData: FormData) => Promise<FormState<V, R>>,
  initial: FormState<V, R>,
  { formId, permalink }: { formId: string; permalink?: string },
) {
  const [state, formAction, pending] = useActionState(action, initial, permalink);
  return { state, formAction, pending, field: bindFields(formId, state) };
}
