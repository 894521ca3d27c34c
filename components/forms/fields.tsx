import type { ComponentProps, ReactNode } from "react";

/**
 * The fields of the public, member and sign-in forms (opinions, registrations, field notes,
 * login and account): the public look (larger text, a mark such as "（必填）" after the
 * label when the form gives one), the hint and the error under the control, both linked by
 * aria-describedby, and aria-invalid when refused. No hooks and no message catalogue: the
 * same fields render in server pages and in client forms, and a public page's bundle
 * carries only the words its form shows. (The staff console has its own kit,
 * components/admin/kit.)
 */

/** The ids a control names in aria-describedby: its hint and its error, when shown. */
export function describedBy(id: string, hint: boolean, error: string | undefined) {
  return (
    [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined
  );
}

/** A text control's look; a red ring when refused. */
export const controlClass = (error: string | undefined) =>
  `mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base ${
    error ? "border-brand-700 ring-1 ring-brand-700" : "border-stone-500"
  }`;

/** What ties a control to its hint and error: spread it into the control. */
export function wireControl(id: string, hint: boolean, error: string | undefined) {
  const invalid: true | undefined = error ? true : undefined;
  return { id, "aria-invalid": invalid, "aria-describedby": describedBy(id, hint, error) };
}

export { submitClass } from "./submit-class";

export interface FieldFrameProps {
  id: string;
  label: ReactNode;
  /** After the label, e.g. "（必填）" / "（选填）". */
  mark?: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Characters typed against the most allowed, shown beside the label. */
  counter?: { count: number; max: number };
  /** "⚠" before the error text (the note form). */
  errorIcon?: boolean;
  labelClassName?: string;
}

export function FieldError({
  id,
  error,
  icon = false,
}: {
  id: string;
  error: string | undefined;
  icon?: boolean;
}) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm font-medium text-brand-700">
      {icon && <span aria-hidden="true">⚠ </span>}
      {error}
    </p>
  );
}

/** A label (with its mark), the control, then its hint and its error. */
export function Field({
  id,
  label,
  mark,
  hint,
  error,
  counter,
  errorIcon,
  labelClassName = "font-medium",
  children,
}: FieldFrameProps & { children: ReactNode }) {
  const title = (
    <label htmlFor={id} className={labelClassName}>
      {label}
      {mark && <span className="text-sm font-normal text-muted">{mark}</span>}
    </label>
  );
  return (
    <div>
      {counter ? (
        <div className="flex items-baseline justify-between gap-3">
          {title}
          <span
            className={`text-xs tabular-nums ${counter.count > counter.max ? "font-semibold text-brand-700" : "text-muted"}`}
          >
            {counter.count}/{counter.max}
          </span>
        </div>
      ) : (
        title
      )}
      {children}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} icon={errorIcon} />
    </div>
  );
}

type Framed<Control extends "input" | "textarea" | "select"> = FieldFrameProps &
  Omit<ComponentProps<Control>, "id" | "children">;

/** Splits a field's props into its frame and its control, the control wired to the frame. */
function split<P extends FieldFrameProps>(props: P) {
  const { id, label, mark, hint, error, counter, errorIcon, labelClassName, ...control } = props;
  const frame = { id, label, mark, hint, error, counter, errorIcon, labelClassName };
  return { frame, control, wiring: wireControl(id, Boolean(hint), error) };
}

export function Input(props: Framed<"input">) {
  const { frame, control, wiring } = split(props);
  return (
    <Field {...frame}>
      <input type="text" {...control} {...wiring} className={controlClass(frame.error)} />
    </Field>
  );
}

export function TextArea(props: Framed<"textarea">) {
  const { frame, control, wiring } = split(props);
  return (
    <Field {...frame}>
      <textarea {...control} {...wiring} className={controlClass(frame.error)} />
    </Field>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

/** A select; `placeholder` is the empty first choice. */
export function Select({
  options,
  placeholder,
  ...props
}: Framed<"select"> & { options: readonly SelectOption[]; placeholder: string }) {
  const { frame, control, wiring } = split(props);
  return (
    <Field {...frame}>
      <select
        // A select takes its default only when it mounts: a new default needs a new element.
        key={typeof control.defaultValue === "string" ? control.defaultValue : undefined}
        {...control}
        {...wiring}
        className={controlClass(frame.error)}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A checkbox with its label beside it, and its error under both. */
export function Checkbox({
  id,
  label,
  error,
  labelClassName,
  ...control
}: Omit<ComponentProps<"input">, "type" | "children"> & {
  id: string;
  label: ReactNode;
  error?: string;
  labelClassName?: string;
}) {
  return (
    <div>
      <div className="flex items-start gap-2">
        <input
          type="checkbox"
          {...control}
          {...wireControl(id, false, error)}
          className="mt-1.5 size-5 shrink-0 accent-brand-700"
        />
        <label htmlFor={id} className={labelClassName}>
          {label}
        </label>
      </div>
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A trap for bots: off-screen, hidden from assistive technology, out of the tab order. */
export function Honeypot({ id, name, label }: { id: string; name: string; label: string }) {
  return (
    <div aria-hidden="true" className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}

/**
 * Binds a form's fields to its state: `field("name", label, { hint, optional })` gives a
 * field its id, name, typed value, error, label, hint, its mark ("（必填）" or "（选填）")
 * and `required` (unless optional). Spread it into `Input`, `TextArea` or `Select`.
 */
export function bindFields<F extends string>(
  idOf: (field: F) => string,
  state: { values: Record<F, string>; fieldErrors: Partial<Record<F, string>> },
  marks: { required: ReactNode; optional: ReactNode },
) {
  return (field: F, label: ReactNode, options: { hint?: ReactNode; optional?: boolean } = {}) => ({
    id: idOf(field),
    name: field,
    defaultValue: state.values[field],
    error: state.fieldErrors[field],
    label,
    hint: options.hint,
    mark: options.optional ? marks.optional : marks.required,
    required: !options.optional,
  });
}
