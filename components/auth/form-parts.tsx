"use client";

import { type ReactNode, useActionState, useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import { Input } from "@/components/forms/fields";
import { type FormState, idleForm } from "@/lib/form-state";

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

/** A text field of the public look: every field required unless said, no "（必填）" mark. */
export function Field({
  type = "text",
  required = true,
  ...props
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
  /** The one field of a step the person just reached. */
  autoFocus?: boolean;
}) {
  return <Input {...props} type={type} required={required} labelClassName="block font-medium" />;
}

/**
 * A one-time code from the authenticator app; with `recovery`, a recovery code is taken
 * too (letters, and longer).
 */
export function CodeField({
  recovery = false,
  name = "code",
  ...props
}: {
  id: string;
  label: string;
  recovery?: boolean;
  /** "code" unless a form asks for two codes (the old authenticator's and the new one's). */
  name?: string;
  hint?: ReactNode;
  error?: string;
  autoFocus?: boolean;
}) {
  return (
    <Field
      {...props}
      name={name}
      autoComplete="one-time-code"
      inputMode={recovery ? "text" : "numeric"}
      maxLength={recovery ? 40 : 10}
    />
  );
}

/**
 * A form posting to its server action (`useActionState`, `permalink` for no JavaScript):
 * the form's message first, then what `children` renders for the current state.
 */
export function ActionForm<S extends FormState>({
  action,
  initial,
  permalink,
  className = "space-y-5",
  children,
}: {
  action: (state: S, formData: FormData) => Promise<S>;
  initial?: S;
  permalink: string;
  className?: string;
  children: (state: S) => ReactNode;
}) {
  // A FormState is plain data, never a promise: Awaited<S> is S.
  const [state, formAction] = useActionState<S, FormData>(
    action as (state: Awaited<S>, formData: FormData) => Promise<S>,
    (initial ?? idleForm()) as Awaited<S>,
    permalink,
  );
  return (
    <form action={formAction} className={className} noValidate>
      <FormMessage state={state} />
      {children(state)}
    </form>
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

/** The account's current password, asked before a change. */
export function CurrentPasswordField(props: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
}) {
  return <PasswordField {...props} name="current" autoComplete="current-password" />;
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
