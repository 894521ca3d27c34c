"use client";

import type { FormAction } from "@/components/admin/form-action";
import { buttonClass, FormAlert } from "@/components/admin/kit";
import { HiddenFields, usePipelineForm } from "./pipeline-fields";

/** One button that posts a few hidden fields (remove a note from a topic …). */
export function ActionButton({
  action,
  hidden,
  label,
  accessibleLabel,
  permalink,
}: {
  action: FormAction;
  hidden: Record<string, string | number>;
  label: string;
  /** A longer name for screen readers, when the visible label repeats down a list. */
  accessibleLabel?: string;
  permalink: string;
}) {
  const { state, formAction, pending } = usePipelineForm(action, permalink);
  return (
    <form action={formAction} className="inline">
      <HiddenFields values={hidden} />
      <button
        type="submit"
        disabled={pending}
        aria-label={accessibleLabel}
        className={`${buttonClass.secondary} px-2 py-0.5 text-sm`}
      >
        {label}
      </button>
      {state.status === "error" && <FormAlert state={state} />}
    </form>
  );
}
