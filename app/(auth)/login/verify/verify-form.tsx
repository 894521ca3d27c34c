"use client";

import { ActionForm, CodeField, SubmitButton } from "@/components/auth/form-parts";
import { authMessages as m } from "@/lib/messages/auth";
import { cancelLoginAction, verifyTotpAction } from "../actions";

export function VerifyForm() {
  return (
    <div className="space-y-4">
      <ActionForm action={verifyTotpAction} permalink="/login/verify">
        {(state) => (
          <>
            <CodeField
              id="totp-code"
              label={m.totp.code}
              recovery
              hint={m.totp.codeHint}
              error={state.fieldErrors.code}
              autoFocus
            />
            <SubmitButton>{m.totp.submit}</SubmitButton>
          </>
        )}
      </ActionForm>
      <form action={cancelLoginAction}>
        <button type="submit" className="text-sm text-brand-700 underline underline-offset-2">
          {m.totp.restart}
        </button>
      </form>
    </div>
  );
}
