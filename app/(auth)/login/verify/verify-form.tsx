"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/components/auth/form-parts";
import { idleForm } from "@/lib/form-state";
import { authMessages as m } from "@/lib/messages/auth";
import { cancelLoginAction, verifyTotpAction } from "../actions";

export function VerifyForm() {
  const [state, formAction] = useActionState(verifyTotpAction, idleForm(), "/login/verify");
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-5" noValidate>
        <FormMessage state={state} />
        <Field
          id="totp-code"
          name="code"
          label={m.totp.code}
          autoComplete="one-time-code"
          inputMode="text"
          maxLength={40}
          hint={m.totp.codeHint}
          error={state.fieldErrors.code}
          autoFocus
        />
        <SubmitButton>{m.totp.submit}</SubmitButton>
      </form>
      <form action={cancelLoginAction}>
        <button type="submit" className="text-sm text-brand-700 underline underline-offset-2">
          {m.totp.restart}
        </button>
      </form>
    </div>
  );
}
