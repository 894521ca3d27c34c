"use client";

import { useActionState } from "react";
import { FormMessage, NewPasswordFields, SubmitButton } from "@/components/auth/form-parts";
import { idleForm } from "@/lib/form-state";
import { authMessages as m } from "@/lib/messages/auth";
import { acceptInviteAction } from "./actions";

export function InviteForm({ token }: { token: string }) {
  const [state, formAction] = useActionState(acceptInviteAction, idleForm(), `/invite/${token}`);
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <p id="password-rules" className="text-sm text-muted">
        {m.invite.rules}
      </p>
      <NewPasswordFields idPrefix="invite" labels={m.invite} fieldErrors={state.fieldErrors} />
      <SubmitButton>{m.invite.submit}</SubmitButton>
    </form>
  );
}
