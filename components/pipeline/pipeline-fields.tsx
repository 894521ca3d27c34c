import { type ComponentProps, useId } from "react";
import type { FormAction } from "@/components/admin/form-action";
import { FieldError, TextArea, useFormAction } from "@/components/admin/kit";
import { type FormState, type FormValues, idleForm } from "@/lib/form-state";
import { TemplatePicker } from "./template-picker";

/**
 * A pipeline form's round trip (the kit's `useFormAction`), with an id of its own: the
 * same form may stand several times on a page (one answer form per transfer).
 */
export function usePipelineForm<R = undefined>(action: FormAction<R>, permalink: string) {
  const formId = useId();
  return useFormAction(action, idleForm() as FormState<FormValues, R>, { formId, permalink });
}

/** The hidden fields that say what a pipeline form is about (note, version, topic …). */
export function HiddenFields({ values }: { values: Record<string, string | number | null> }) {
  return Object.entries(values).map(([key, value]) =>
    value === null ? null : <input key={key} type="hidden" name={key} value={value} />,
  );
}

export interface CheckItem {
  value: string;
  label: string;
  hint?: string;
}

/**
 * A long list of checkboxes under one name (notes to gather, members taking part), each
 * with a grey hint after its label, in a scrolling box.
 */
export function CheckList({
  id,
  name,
  items,
  checked,
  error,
}: {
  id: string;
  name: string;
  items: readonly CheckItem[];
  checked: readonly string[];
  error?: string;
}) {
  const ticked = new Set(checked);
  return (
    <>
      <ul className="mt-2 max-h-80 space-y-1 overflow-y-auto rounded border border-stone-200 p-2">
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
      <FieldError id={id} error={error} />
    </>
  );
}

/** A reason or an answer, with "插入模板" under it. */
export function TemplatedText({
  templates,
  ...props
}: ComponentProps<typeof TextArea> & { templates: { id: number; title: string }[] }) {
  return (
    <div>
      <TextArea {...props} />
      <TemplatePicker templates={templates} idPrefix={props.id} />
    </div>
  );
}
