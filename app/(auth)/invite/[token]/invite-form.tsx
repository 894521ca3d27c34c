"use client";

import { useActionState } from "react";
import { authMessages as m } from "@/lib/messages/auth";
import { emptyFormState, Field, FormMessage, SubmitButton } from "../../_components/form-parts";
import { acceptInviteAction } from "./actions";

export function InviteForm({ token }: { token: string }) {
  const [state, formAction] = useActionState(
    acceptInviteAction,
    emptyFormState,
    `/invite/${token}`,
  );
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <p id="password-rules" className="text-sm text-muted">
        {m.invite.rules}
      </p>
      <Field
        id="invite-password"
        name="password"
        type="password"
        label={m.invite.password}
        autoComplete="new-password"
        maxLength={128}
        error={state.fieldErrors.password}
      />
      <Field
        id="invite-confirm"
        name="confirm"
        type="password"
        label={m.invite.confirm}
        autoComplete="new-password"
        maxLength={128}
        error={state.fieldErrors.confirm}
      />
      <SubmitButton>{m.invite.submit}</SubmitButton>
    </form>
  );
}
