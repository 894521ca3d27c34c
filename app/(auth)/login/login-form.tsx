"use client";

import { ActionForm, Field, PasswordField, SubmitButton } from "@/components/auth/form-parts";
import { type FormState, idleForm } from "@/lib/form-state";
import { authMessages as m } from "@/lib/messages/auth";
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
  const initial: FormState = notice
    ? { ...idleForm(), status: notice.tone === "success" ? "ok" : "error", message: notice.text }
    : idleForm();
  return (
    <ActionForm action={loginAction} initial={initial} permalink="/login">
      {(state) => {
        const typed = (name: string) => {
          const value = state.values[name];
          return typeof value === "string" ? value : undefined;
        };
        return (
          <>
            <input type="hidden" name="next" value={typed("next") ?? next} />
            <Field
              id="login-identifier"
              name="identifier"
              label={m.login.identifier}
              autoComplete="username"
              maxLength={100}
              defaultValue={typed("identifier")}
              error={state.fieldErrors.identifier}
            />
            <PasswordField
              id="login-password"
              name="password"
              label={m.login.password}
              autoComplete="current-password"
              error={state.fieldErrors.password}
            />
            <SubmitButton pendingLabel={m.login.submitting}>{m.login.submit}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
