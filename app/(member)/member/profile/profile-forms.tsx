"use client";

import {
  ActionForm,
  CodeField,
  CurrentPasswordField,
  NewPasswordFields,
  SubmitButton,
} from "@/components/auth/form-parts";
import { authMessages as m } from "@/lib/messages/auth";
import { changePasswordAction, turnOffTotpAction } from "./actions";

const PROFILE = "/member/profile";
const look = "max-w-md space-y-4";

export function ChangePasswordForm({ rules }: { rules: string }) {
  return (
    <ActionForm action={changePasswordAction} permalink={PROFILE} className={look}>
      {({ fieldErrors }) => (
        <>
          <CurrentPasswordField
            id="profile-current"
            label={m.profile.current}
            error={fieldErrors.current}
          />
          <NewPasswordFields
            idPrefix="profile"
            labels={{ password: m.profile.newPassword, confirm: m.profile.confirm }}
            hint={rules}
            fieldErrors={fieldErrors}
          />
          <SubmitButton>{m.profile.passwordSubmit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function TurnOffTotpForm() {
  return (
    <ActionForm action={turnOffTotpAction} permalink={PROFILE} className={look}>
      {({ fieldErrors }) => (
        <>
          <CurrentPasswordField
            id="totp-off-current"
            label={m.profile.current}
            hint={m.profile.totpDisableHint}
            error={fieldErrors.current}
          />
          <CodeField
            id="totp-off-code"
            name="oldCode"
            recovery
            label={m.profile.totpDisableCode}
            hint={m.enrol.oldCodeHint}
            error={fieldErrors.oldCode}
          />
          <SubmitButton variant="danger">{m.profile.totpDisable}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
