"use client";

import { ActionForm, NewPasswordFields, SubmitButton } from "@/components/auth/form-parts";
import { authMessages as m } from "@/lib/messages/auth";
import { acceptInviteAction } from "./actions";

export function InviteForm({ token }: { token: string }) {
  return (
    <ActionForm action={acceptInviteAction} permalink={`/invite/${token}`}>
      {(state) => (
        <>
          <input type="hidden" name="token" value={token} />
          <p id="password-rules" className="text-sm text-muted">
            {m.invite.rules}
          </p>
          <NewPasswordFields idPrefix="invite" labels={m.invite} fieldErrors={state.fieldErrors} />
          <SubmitButton>{m.invite.submit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
