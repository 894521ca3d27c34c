"use client";

import { useActionState } from "react";
import {
  emptyFormState,
  Field,
  FormMessage,
  SubmitButton,
} from "@/app/(auth)/_components/form-parts";
import { authMessages as m } from "@/lib/messages/auth";
import { changePasswordAction, turnOffTotpAction } from "./actions";

const PROFILE = "/member/profile";

export function ChangePasswordForm({ rules }: { rules: string }) {
  const [state, formAction] = useActionState(changePasswordAction, emptyFormState, PROFILE);
  return (
    <form action={formAction} className="max-w-md space-y-4" noValidate>
      <FormMessage state={state} />
      <Field
        id="profile-current"
        name="current"
        type="password"
        label={m.profile.current}
        autoComplete="current-password"
        maxLength={1024}
        error={state.fieldErrors.current}
      />
      <Field
        id="profile-password"
        name="password"
        type="password"
        label={m.profile.newPassword}
        autoComplete="new-password"
        maxLength={128}
        hint={rules}
        error={state.fieldErrors.password}
      />
      <Field
        id="profile-confirm"
        name="confirm"
        type="password"
        label={m.profile.confirm}
        autoComplete="new-password"
        maxLength={128}
        error={state.fieldErrors.confirm}
      />
      <SubmitButton>{m.profile.passwordSubmit}</SubmitButton>
    </form>
  );
}

export function TurnOffTotpForm() {
  const [state, formAction] = useActionState(turnOffTotpAction, emptyFormState, PROFILE);
  return (
    <form action={formAction} className="max-w-md space-y-4" noValidate>
      <FormMessage state={state} />
      <Field
        id="totp-off-current"
        name="current"
        type="password"
        label={m.profile.current}
        autoComplete="current-password"
        maxLength={1024}
        hint={m.profile.totpDisableHint}
        error={state.fieldErrors.current}
      />
      <SubmitButton variant="danger">{m.profile.totpDisable}</SubmitButton>
    </form>
  );
}
