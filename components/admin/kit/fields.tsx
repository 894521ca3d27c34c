import type { ReactNode } from "react";
import { cmsCommonMessages } from "@/lib/messages/cms";

/**
 * Form fields of the staff console: a visible label, an optional hint, the error under
 * the field (linked by aria-describedby, aria-invalid set), and the typed value kept.
 * No hooks: the same fields render in server pages and in client forms.
 */

const m = cmsCommonMessages;

export const inputClass = (invalid: boolean) =>
  `mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base text-ink ${
    invalid ? "border-brand-700 ring-1 ring-brand-700" : "border-stone-500"
  }`;

interface FieldProps {
  id: string;
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  /** "(选填)" after the label. */
  optional?: boolean;
}

function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  return (
    [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined
  );
}

function Label({
  id,
  label,
  required,
  optional,
}: Pick<FieldProps, "id" | "label" | "required" | "optional">) {
  return (
    <label htmlFor={id} className="font-medium text-ink">
      {label}
      {required && <span className="text-sm font-normal text-muted">{m.required}</span>}
      {optional && <span className="text-sm font-normal text-muted">{m.optional}</span>}
    </label>
  );
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
      {children}
    </p>
  );
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm font-medium text-brand-700">
      {error}
    </p>
  );
}

export function TextField({
  type = "text",
  defaultValue,
  maxLength,
  autoComplete,
  inputMode,
  readOnly,
  className,
  min,
  max,
  placeholder,
  ...props
}: FieldProps & {
  type?: "text" | "tel" | "email" | "datetime-local" | "date" | "number" | "search";
  defaultValue: string;
  maxLength?: number;
  /** Bounds of a date or number field. */
  min?: string;
  max?: string;
  placeholder?: string;
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "tel" | "email";
  readOnly?: boolean;
  className?: string;
}) {
  const { id, name, label, hint, error, required, optional } = props;
  return (
    <div className={className}>
      <Label id={id} label={label} required={required} optional={optional} />
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        maxLength={maxLength}
        min={min}
        max={max}
        placeholder={placeholder}
        autoComplete={autoComplete ?? "off"}
        inputMode={inputMode}
        readOnly={readOnly}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
        className={`${inputClass(Boolean(error))} ${readOnly ? "bg-stone-100" : ""}`}
      />
      {hint && <Hint id={id}>{hint}</Hint>}
      <FieldError id={id} error={error} />
    </div>
  );
}

export function TextArea({
  defaultValue,
  rows = 4,
  maxLength,
  className,
  mono,
  ...props
}: FieldProps & {
  defaultValue: string;
  rows?: number;
  maxLength?: number;
  className?: string;
  mono?: boolean;
}) {
  const { id, name, label, hint, error, required, optional } = props;
  return (
    <div className={className}>
      <Label id={id} label={label} required={required} optional={optional} />
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        maxLength={maxLength}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
        className={`${inputClass(Boolean(error))} ${mono ? "font-mono text-[15px] leading-relaxed" : ""}`}
      />
      {hint && <Hint id={id}>{hint}</Hint>}
      <FieldError id={id} error={error} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  options,
  defaultValue,
  placeholder,
  className,
  ...props
}: FieldProps & {
  options: readonly Option[];
  defaultValue: string;
  /** The empty first option's text (default: "无" when `optional`, none otherwise). */
  placeholder?: string;
  className?: string;
}) {
  const { id, name, label, hint, error, required, optional } = props;
  // An optional choice starts with "无" (the empty value) unless told otherwise.
  const first = placeholder ?? (optional ? m.none : undefined);
  return (
    <div className={className}>
      <Label id={id} label={label} required={required} optional={optional} />
      <select
        // React applies a select's defaultValue only when it mounts; after a refused post the
        // form is reset to its defaults, so a new default needs a new element.
        key={defaultValue}
        id={id}
        name={name}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
        className={inputClass(Boolean(error))}
      >
        {first !== undefined && <option value="">{first}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && <Hint id={id}>{hint}</Hint>}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A group of checkboxes under a legend (sectors, organisers …). */
export function CheckboxGroup({
  id,
  name,
  legend,
  options,
  checked,
  hint,
  error,
  columns = 3,
}: {
  id: string;
  name: string;
  legend: string;
  options: readonly Option[];
  checked: readonly string[];
  hint?: ReactNode;
  error?: string;
  columns?: 2 | 3 | 4;
}) {
  const selected = new Set(checked);
  const grid = { 2: "sm:grid-cols-2", 3: "sm:grid-cols-3", 4: "sm:grid-cols-4" }[columns];
  return (
    <fieldset
      aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
      aria-invalid={error ? true : undefined}
      className={`rounded-md border p-3 ${error ? "border-brand-700" : "border-stone-300"}`}
    >
      <legend className="px-1 font-medium text-ink">{legend}</legend>
      {hint && <Hint id={id}>{hint}</Hint>}
      <ul className={`mt-2 grid grid-cols-1 gap-x-4 gap-y-1 ${grid}`}>
        {options.map((o) => {
          const boxId = `${id}-${o.value}`;
          return (
            <li key={o.value} className="flex items-start gap-2">
              <input
                id={boxId}
                type="checkbox"
                name={name}
                value={o.value}
                defaultChecked={selected.has(o.value)}
                className="mt-1.5 size-4 shrink-0 accent-brand-700"
              />
              <label htmlFor={boxId} className="text-[15px]">
                {o.label}
              </label>
            </li>
          );
        })}
      </ul>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

export function Checkbox({
  id,
  name,
  label,
  defaultChecked,
  hint,
  error,
}: {
  id: string;
  name: string;
  label: string;
  defaultChecked: boolean;
  hint?: ReactNode;
  error?: string;
}) {
  return (
    <div>
      <div className="flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          name={name}
          value="on"
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
          className="mt-1.5 size-5 shrink-0 accent-brand-700"
        />
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
      </div>
      {hint && <Hint id={id}>{hint}</Hint>}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** Radio buttons under a legend. */
export function RadioGroup({
  id,
  name,
  legend,
  options,
  defaultValue,
  hint,
  error,
}: {
  id: string;
  name: string;
  legend: string;
  options: readonly Option[];
  defaultValue: string;
  hint?: ReactNode;
  error?: string;
}) {
  return (
    <fieldset aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}>
      <legend className="font-medium text-ink">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
        {options.map((o) => (
          <div key={o.value} className="flex items-center gap-2">
            <input
              id={`${id}-${o.value}`}
              type="radio"
              name={name}
              value={o.value}
              defaultChecked={defaultValue === o.value}
              className="size-4 accent-brand-700"
            />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
      {hint && <Hint id={id}>{hint}</Hint>}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

export const buttonClass = {
  primary:
    "inline-flex items-center justify-center rounded-md bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70",
  secondary:
    "inline-flex items-center justify-center rounded-md border border-brand-700 bg-white px-4 py-2 font-medium text-brand-800 hover:bg-brand-50",
  quiet:
    "inline-flex items-center justify-center rounded-md border border-stone-400 bg-white px-3 py-1.5 text-sm font-medium text-ink hover:bg-stone-100",
  danger:
    "inline-flex items-center justify-center rounded-md border border-brand-800 bg-brand-50 px-4 py-2 font-semibold text-brand-900 hover:bg-brand-100",
} as const;

/**
 * A form's submit button: disabled while the action runs, saying so ("正在保存…").
 * `name`/`value` tell the action which button was pressed (save / preview / publish).
 */
export function SubmitButton({
  pending = false,
  pendingLabel = m.saving,
  tone = "primary",
  name,
  value,
  className,
  children,
}: {
  pending?: boolean;
  pendingLabel?: string;
  tone?: keyof typeof buttonClass;
  name?: string;
  value?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      className={className ? `${buttonClass[tone]} ${className}` : buttonClass[tone]}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
