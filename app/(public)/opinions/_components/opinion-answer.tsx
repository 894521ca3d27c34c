// The opinion form after a refusal: the message, then the fields as typed. Loaded on demand
// (opinion-form.tsx imports it lazily), so /opinions sends none of it with the page.
import { useEffect, useRef } from "react";
import { submitClass } from "@/components/forms/submit-class";
import type { OpinionFormState } from "@/lib/opinions/schema";
import { OpinionFields, type OpinionFieldsProps } from "./opinion-fields";

export function RefusedOpinion({
  state,
  pending,
  ...fields
}: OpinionFieldsProps & { state: OpinionFormState; pending: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const { message } = state;
  // A new state object is a new submission: focus again even when the text repeats.
  useEffect(() => {
    if (state && message) ref.current?.focus();
  }, [state, message]);
  return (
    <>
      {message && (
        <div
          ref={ref}
          tabIndex={-1}
          role="alert"
          className="mb-4 rounded-md border border-brand-200 bg-brand-50 px-4 py-3 text-brand-900"
        >
          <p className="font-medium">{message}</p>
        </div>
      )}
      <OpinionFields state={state} {...fields} />
      <button type="submit" disabled={pending} className={submitClass}>
        {pending ? fields.text.submitting : fields.text.submit}
      </button>
    </>
  );
}
