"use client";

import { type ReactNode, useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import type { FormState } from "@/lib/form-state";

/**
 * The parts of the login, invitation and account forms (the public look: larger fields,
 * no "（必填）" marks, every field required unless said). They render the one FormState.
 * Not the console kit (components/admin/kit): that one brings the console's words into
 * the bundle of every page that uses it, and these pages are public.
 */

/** The form's message; focused after a refused submission so screen readers hear it. */
export function FormMessage({ state }: { state: Pick<FormState, "status" | "message"> }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.message) ref.current?.focus();
  }, [state]);
  if (!state.message) return null;
  const success = state.status === "ok";
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role={success ? "status" : "alert"}
      className={
        success
          ? "rounded-md border border-green-700 bg-green-50 px-3 py-2 text-green-900"
          : "rounded-md border border-brand-200 bg-brand-50 px-3 py-2 font-medium text-brand-800"
      }
    >
      {state.message}
    </div>
  );
}

export function Field({
  id,
  name,
  label,
  type = "text",
  autoComplete,
  hint,
  error,
  defaultValue,
  inputMode,
  maxLength,
  required = true,
  autoFocus,
}: {
  id: string;
  name: string;
  label: string;
  type?: "text" | "password" | "tel";
  autoComplete?: string;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  inputMode?: "numeric" | "text" | "tel";
  maxLength?: number;
  required?: boolean;
  autoFocus?: boolean;
}) {
  const describedBy =
    [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        inputMode={inputMode}
        maxLength={maxLength}
        required={required}
        defaultValue={defaultValue}
        // biome-ignore lint/a11y/noAutofocus: the one field of a step the person just reached
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base ${
          error ? "border-brand-700 ring-1 ring-brand-700" : "border-stone-500"
        }`}
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-brand-700">
          {error}
        </p>
      )}
    </div>
  );
}

export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
}: {
  children: ReactNode;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const { pending } = useFormStatus();
  const look = {
    primary: "bg-brand-700 text-white hover:bg-brand-800",
    secondary: "border border-brand-700 bg-white text-brand-800 hover:bg-brand-50",
    danger: "border border-brand-800 bg-white text-brand-800 hover:bg-brand-50",
  }[variant];
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`inline-flex min-h-11 items-center justify-center rounded-md px-5 py-2 font-medium disabled:opacity-70 ${look}`}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}

/** A password field (never refilled after a submission). */
export function PasswordField({
  autoComplete,
  ...props
}: {
  id: string;
  name: string;
  label: string;
  autoComplete: "current-password" | "new-password";
  hint?: ReactNode;
  error?: string;
}) {
  return (
    <Field
      {...props}
      type="password"
      autoComplete={autoComplete}
      maxLength={autoComplete === "new-password" ? 128 : 1024}
    />
  );
}

/** A new password typed twice (invitation, change of password). */
export function NewPasswordFields({
  idPrefix,
  labels,
  hint,
  fieldErrors,
}: {
  idPrefix: string;
  labels: { password: string; confirm: string };
  hint?: ReactNode;
  fieldErrors: Partial<Record<string, string>>;
}) {
  return (
    <>
      <PasswordField
        id={`${idPrefix}-password`}
        name="password"
        label={labels.password}
        autoComplete="new-password"
        hint={hint}
        error={fieldErrors.password}
      />
      <PasswordField
        id={`${idPrefix}-confirm`}
        name="confirm"
        label={labels.confirm}
        autoComplete="new-password"
        error={fieldErrors.confirm}
      />
    </>
  );
}
