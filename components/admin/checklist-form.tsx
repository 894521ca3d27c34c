"use client";

import { useActionState, useId } from "react";
import { type FormState, fieldValues, idleForm } from "@/lib/form-state";
import { adminMessages } from "@/lib/messages/admin";
import { FormMessage } from "./form-message";
import { ui } from "./ui";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

export interface ChecklistItem {
  value: string;
  label: string;
  hint?: string;
}

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
  action: Action;
  hidden: Record<string, string | number>;
  name: string;
  legend: string;
  items: ChecklistItem[];
  checked?: string[];
  submitLabel: string;
  emptyText: string;
  permalink: string;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    action,
    idleForm(),
    permalink,
  );
  const id = useId();
  const ticked = new Set(state.status === "idle" ? checked : fieldValues(state, name, checked));
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      {Object.entries(hidden).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <fieldset>
        <legend className="sr-only">{legend}</legend>
        {items.length === 0 ? (
          <p className="text-muted">{emptyText}</p>
        ) : (
          <ul className="max-h-96 space-y-1 overflow-y-auto pr-1">
            {items.map((item) => (
              <li key={item.value} className="flex items-start gap-2">
                <input
                  id={`${id}-${item.value}`}
                  type="checkbox"
                  name={name}
                  value={item.value}
                  defaultChecked={ticked.has(item.value)}
                  className="mt-1 size-5 shrink-0 accent-brand-700"
                />
                <label htmlFor={`${id}-${item.value}`} className="text-[15px]">
                  {item.label}
                  {item.hint && <span className="ml-2 text-sm text-muted">{item.hint}</span>}
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      {items.length > 0 && (
        <button type="submit" disabled={pending} className={ui.primary}>
          {pending ? adminMessages.common.saving : submitLabel}
        </button>
      )}
    </form>
  );
}
