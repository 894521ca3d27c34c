import { notesMessages as m } from "@/lib/messages/notes";

/** The ids a control names in aria-describedby: its hint and its error, when shown. */
export function describedBy(id: string, hint: boolean, error: string | undefined) {
  return (
    [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined
  );
}

export const controlClass = (error: string | undefined) =>
  `mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base ${
    error ? "border-brand-700 ring-1 ring-brand-700" : "border-stone-500"
  }`;

/** A label (with 必填/选填), the control, then its hint and its error. */
export function Field({
  id,
  label,
  required,
  hint,
  error,
  counter,
  children,
}: {
  id: string;
  label: string;
  required: boolean;
  hint?: string;
  error?: string;
  counter?: { count: number; max: number };
  children: React.ReactNode;
}) {
  return (
    <div>
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="font-medium">
          {label}
          <span className="text-sm font-normal text-muted">
            {required ? m.required : m.optional}
          </span>
        </label>
        {counter && (
          <span
            className={`text-xs tabular-nums ${counter.count > counter.max ? "font-semibold text-brand-700" : "text-muted"}`}
          >
            {counter.count}/{counter.max}
          </span>
        )}
      </div>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm font-medium text-brand-700">
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  );
}
