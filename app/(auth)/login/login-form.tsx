"use client";

import { useActionState } from "react";
import { authMessages as m } from "@/lib/messages/auth";
import {
  type AuthFormState,
  emptyFormState,
  Field,
  FormMessage,
  SubmitButton,
} from "../_components/form-parts";
import { loginAction } from "./actions";

/**
 * Username (or phone) and password. Without JavaScript it is a plain POST to /login that
 * renders this form again with the action's state; the password is never sent back.
 */
export function LoginForm({
  next,
  notice,
}: {
  next: string;
  notice: { text: string; tone: "error" | "success" } | null;
}) {
  const initial: AuthFormState = notice
    ? { ...emptyFormState, message: notice.text, tone: notice.tone }
    : emptyFormState;
  const [state, formAction] = useActionState(loginAction, initial, "/login");
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={state.values.next ?? next} />
      <Field
        id="login-identifier"
        name="identifier"
        label={m.login.identifier}
        autoComplete="username"
        maxLength={100}
        defaultValue={state.values.identifier}
        error={state.fieldErrors.identifier}
      />
      <Field
        id="login-password"
        name="password"
        type="password"
        label={m.login.password}
        autoComplete="current-password"
        maxLength={1024}
        error={state.fieldErrors.password}
      />
      <SubmitButton pendingLabel={m.login.submitting}>{m.login.submit}</SubmitButton>
    </form>
  );
}
