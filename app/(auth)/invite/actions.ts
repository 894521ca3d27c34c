"use server";

import { redirect } from "next/navigation";
import { getCommitteeInfo } from "@/db/queries/settings";
import { acceptInvitation, findUsableInvitation } from "@/db/queries/users/invitations";
import { firstFieldRefusal, formText } from "@/lib/auth/forms";
import { invitationTokenHash } from "@/lib/auth/invitation";
import { invitationTokenFrom } from "@/lib/auth/invitation-link";
import { controlCharacterRefusal, type FormState, refusedForm } from "@/lib/form-state";
import { fillAuthMessage, authMessages as m } from "@/lib/messages/auth";
import { hashPassword } from "@/lib/password";
import { formatDateTime } from "@/lib/time";
import { checkNewPassword } from "@/server/auth/password-policy";
import { requestContext } from "@/server/auth/request";

/** The greeting of a usable invitation, or null: the words only, nothing else of the account. */
export type InvitationGreeting = { welcome: string; expires: string } | null;

/**
 * Who an invitation is for, asked by the page once it has read the token from the link's
 * fragment. A POST (server action), so the token travels in the body, never in a URL.
 */
export async function describeInvitationAction(token: string): Promise<InvitationGreeting> {
  const tokenHash = typeof token === "string" ? invitationTokenHash(token) : null;
  if (!tokenHash) return null;
  const [invitation, committee] = await Promise.all([
    findUsableInvitation(tokenHash, new Date()),
    getCommitteeInfo(),
  ]);
  if (!invitation) return null;
  return {
    welcome: fillAuthMessage(m.invite.welcome, {
      name: invitation.displayName,
      username: invitation.username,
    }),
    expires: fillAuthMessage(m.invite.expiresAt, {
      time: formatDateTime(invitation.expiresAt, committee.timeZone),
    }),
  };
}

/**
 * Sets the first password from a one-time invitation, then sends the person to log in.
 * The token comes in the form's body: read from the link's fragment by the page, or
 * pasted (the whole link, or the older /invite/<token> link) when JavaScript is off.
 */
export async function acceptInviteAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const garbled = controlCharacterRefusal(
    formData,
    { token: formText(formData.get("token"), 2048) },
    ["token", "password", "confirm"],
  );
  if (garbled) return garbled;
  const typed = formText(formData.get("token"), 2048);
  const tokenHash = invitationTokenHash(invitationTokenFrom(typed) ?? "");
  const password = formText(formData.get("password"), 1025);
  const confirm = formText(formData.get("confirm"), 1025);
  // What was pasted comes back to the one who pasted it (a refused form keeps its input).
  const values = { token: typed };
  if (!typed) return refusedForm(values, m.invite.tokenRequired, { token: m.invite.tokenRequired });
  const ctx = await requestContext();
  const invitation = tokenHash ? await findUsableInvitation(tokenHash, ctx.now()) : null;
  if (!tokenHash || !invitation) {
    return refusedForm(values, m.invite.invalidBody, { token: m.invite.invalidTitle });
  }
  const problem = password ? checkNewPassword(password, invitation) : null;
  const refused = firstFieldRefusal(
    values,
    !password
      ? { password: m.password.required }
      : problem
        ? { password: m.password.problems[problem] }
        : { confirm: password === confirm ? undefined : m.password.mismatch },
  );
  if (refused) return refused;

  const accepted = await acceptInvitation({
    tokenHash,
    passwordHash: await hashPassword(password),
    now: ctx.now(),
    ip: ctx.ip,
  });
  if (!accepted) return refusedForm(values, m.invite.invalidBody);
  redirect("/login?notice=password_set");
}
