"use client";

import { useActionState } from "react";
import {
  FormMessage,
  NewPasswordFields,
  PasswordField,
  SubmitButton,
} from "@/components/auth/form-parts";
import { idleForm } from "@/lib/form-state";
import { authMessages as m } from "@/lib/messages/auth";
import { changePasswordAction, turnOffTotpAction } from "./actions";

const PROFILE = "/member/profile";

export function ChangePasswordForm({ rules }: { rules: string }) {
  const [state, formAction] = useActionState(changePasswordAction, idleForm(), PROFILE);
  return (
    <form action={formAction} className="max-w-md space-y-4" noValidate>
      <FormMessage state={state} />
      <PasswordField
        id="profile-current"
        name="current"
        label={m.profile.current}
        autoComplete="current-password"
        error={state.fieldErrors.current}
      />
      <NewPasswordFields
        idPrefix="profile"
        labels={{ password: m.profile.newPassword, confirm: m.profile.confirm }}
        hint={rules}
        fieldErrors={state.fieldErrors}
      />
      <SubmitButton>{m.profile.passwordSubmit}</SubmitButton>
    </form>
  );
}

export function TurnOffTotpForm() {
  const [state, formAction] = useActionState(turnOffTotpAction, idleForm(), PROFILE);
  return (
    <form action={formAction} className="max-w-md space-y-4" noValidate>
      <FormMessage state={state} />
      <PasswordField
        id="totp-off-current"
        name="current"
        label={m.profile.current}
        autoComplete="current-password"
        hint={m.profile.totpDisableHint}
        error={state.fieldErrors.current}
      />
      <SubmitButton variant="danger">{m.profile.totpDisable}</SubmitButton>
    </form>
  );
}
