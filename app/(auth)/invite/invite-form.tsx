"use client";

import { useEffect, useState } from "react";
import { ActionForm, Field, NewPasswordFields, SubmitButton } from "@/components/auth/form-parts";
import { invitationTokenFrom } from "@/lib/auth/invitation-link";
import { fieldValue } from "@/lib/form-state";
import { authMessages as m } from "@/lib/messages/auth";
import { acceptInviteAction, describeInvitationAction, type InvitationGreeting } from "./actions";

/**
 * The token arrives in the link's fragment (/invite#…), which the browser never sends: this
 * component reads it, greets the person (asking the server by POST) and carries it in a
 * hidden field. Without JavaScript the field is shown, for the link to be pasted into.
 */
export function InviteForm() {
  const [fromLink, setFromLink] = useState<string | null>(null);
  const [greeting, setGreeting] = useState<InvitationGreeting | "checking">("checking");

  useEffect(() => {
    const token = invitationTokenFrom(window.location.hash);
    if (!token) return;
    setFromLink(token);
    let current = true;
    describeInvitationAction(token).then(
      (found) => current && setGreeting(found),
      () => current && setGreeting(null),
    );
    return () => {
      current = false;
    };
  }, []);

  return (
    <ActionForm action={acceptInviteAction} permalink="/invite">
      {(state) => (
        <>
          {fromLink ? (
            <>
              <input type="hidden" name="token" value={fromLink} />
              <LinkGreeting greeting={greeting} />
            </>
          ) : (
            <Field
              id="invite-token"
              name="token"
              label={m.invite.tokenLabel}
              hint={m.invite.tokenHint}
              autoComplete="off"
              maxLength={2048}
              defaultValue={fieldValue(state, "token")}
              error={state.fieldErrors.token}
            />
          )}
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

function LinkGreeting({ greeting }: { greeting: InvitationGreeting | "checking" }) {
  if (greeting === "checking") {
    return (
      <p role="status" className="text-muted">
        {m.invite.checking}
      </p>
    );
  }
  if (!greeting) {
    return (
      <p
        role="alert"
        className="rounded-md border border-brand-200 bg-brand-50 px-3 py-2 font-medium text-brand-800"
      >
        {m.invite.invalidBody}
      </p>
    );
  }
  return (
    <div role="status" className="space-y-1">
      <p>{greeting.welcome}</p>
      <p className="text-sm text-muted">{greeting.expires}</p>
    </div>
  );
}
