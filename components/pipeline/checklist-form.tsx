"use client";

import type { FormAction } from "@/components/admin/form-action";
import { FormAlert, SubmitButton } from "@/components/admin/kit";
import { type CheckItem, CheckList, HiddenFields, usePipelineForm } from "./pipeline-fields";

export type ChecklistItem = CheckItem;

/**
 * A list of checkboxes sent under one name (notes to gather, members taking part),
 * with the hidden fields that say what they are for. The ticks survive a refusal.
 */
export function ChecklistForm({
  action,
  hidden,
  name,
  legend,
  items,
  checked = [],
  submitLabel,
  emptyText,
  permalink,
}: {
  action: FormAction;
  hidden: Record<string, string | number>;
  name: string;
  legend: string;
  items: ChecklistItem[];
  checked?: string[];
  submitLabel: string;
  emptyText: string;
  permalink: string;
}) {
  const { state, formAction, pending, field } = usePipelineForm(action, permalink);
  const ticked = field.list(name, checked);
  return (
    <form action={formAction} className="space-y-3">
      <FormAlert state={state} />
      <HiddenFields values={hidden} />
      <fieldset>
        <legend className="sr-only">{legend}</legend>
        {items.length === 0 ? (
          <p className="text-muted">{emptyText}</p>
        ) : (
          <CheckList id={ticked.id} name={name} items={items} checked={ticked.checked} />
        )}
      </fieldset>
      {items.length > 0 && <SubmitButton pending={pending}>{submitLabel}</SubmitButton>}
    </form>
  );
}
