import type { ReactNode } from "react";
import type { FormState } from "@/lib/form-state";
import { SubmitButton } from "./fields";
import { FormAlert } from "./form-alert";
import { HiddenFields } from "./hidden-fields";

export { HiddenFields };

/** What a console editor gets from its page: the server action, the row, the values, its address. */
export interface EditorProps<S, V> {
  /** The page's server action (app/(admin)/admin/<section>/actions.ts). */
  action: (previous: S, formData: FormData) => Promise<S>;
  /** null: a new row. */
  id: number | null;
  initial: V;
  /** This page's URL: a post without JavaScript lands here and renders the result. */
  permalink: string;
}

/**
 * A console editor's frame: the form (a plain post without JavaScript, `noValidate`: the
 * server's messages are the ones shown), its message (`FormAlert`), hidden fields, the
 * fields, then the save row. `form` is what `useFormAction` returned; `intent` names the
 * save button (`intent=save`) when the form has another submit button (a preview).
 */
export function ConsoleForm({
  form,
  hidden = {},
  className = "max-w-3xl space-y-5",
  submit,
  intent,
  children,
}: {
  form: {
    state: Pick<FormState, "status" | "message">;
    formAction: (fd: FormData) => void;
    pending: boolean;
  };
  hidden?: Record<string, string | number | null | undefined>;
  className?: string;
  submit: ReactNode;
  intent?: string;
  children: ReactNode;
}) {
  return (
    <form action={form.formAction} noValidate className={className}>
      <FormAlert state={form.state} />
      <HiddenFields values={hidden} />
      {children}
      <div className="flex flex-wrap gap-3 border-t border-stone-300 pt-4">
        <SubmitButton pending={form.pending} name={intent && "intent"} value={intent}>
          {submit}
        </SubmitButton>
      </div>
    </form>
  );
}
