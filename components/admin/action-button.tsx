"use client";

import { useActionState } from "react";
import { type FormState, idleForm } from "@/lib/form-state";
import { FormMessage } from "./form-message";
import { ui } from "./ui";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** One button that posts a few hidden fields (remove a note from a topic …). */
export function ActionButton({
  action,
  hidden,
  label,
  accessibleLabel,
  permalink,
}: {
  action: Action;
  hidden: Record<string, string | number>;
  label: string;
  /** A longer name for screen readers, when the visible label repeats down a list. */
  accessibleLabel?: string;
  permalink: string;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    action,
    idleForm(),
    permalink,
  );
  return (
    <form action={formAction} className="inline">
      {Object.entries(hidden).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        aria-label={accessibleLabel}
        className={`${ui.secondary} px-2 py-0.5 text-sm`}
      >
        {label}
      </button>
      {state.status === "error" && <FormMessage state={state} />}
    </form>
  );
}
