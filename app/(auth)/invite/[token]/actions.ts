"use server";

import { redirect } from "next/navigation";
import { acceptInvitation, findUsableInvitation } from "@/db/queries/users";
import { invitationTokenHash } from "@/lib/auth/invitation";
import { authMessages as m } from "@/lib/messages/auth";
import { hashPassword } from "@/lib/password";
import { checkNewPassword } from "@/server/auth/password-policy";
import { requestContext } from "@/server/auth/request";
import type { AuthFormState } from "../../_components/form-parts";

const text = (value: FormDataEntryValue | null) =>
  typeof value === "string" ? value.slice(0, 1025) : "";

/** Sets the first password from a one-time invitation link, then sends the person to log in. */
export async function acceptInviteAction(
  _previous: AuthFormState,
  formData: FormData,
): Promise<AuthFormState> {
  const tokenHash = invitationTokenHash(text(formData.get("token")));
  const password = text(formData.get("password"));
  const confirm = text(formData.get("confirm"));
  const ctx = await requestContext();
  const invitation = tokenHash ? await findUsableInvitation(tokenHash, ctx.now()) : null;
  if (!tokenHash || !invitation) {
    return { message: m.invite.invalidBody, fieldErrors: {}, values: {} };
  }
  const fieldErrors: AuthFormState["fieldErrors"] = {};
  const problem = password ? checkNewPassword(password, invitation) : null;
  if (!password) fieldErrors.password = m.password.required;
  else if (problem) fieldErrors.password = m.password.problems[problem];
  else if (password !== confirm) fieldErrors.confirm = m.password.mismatch;
  const first = fieldErrors.password ?? fieldErrors.confirm;
  if (first) return { message: first, fieldErrors, values: {} };

  const accepted = await acceptInvitation({
    tokenHash,
    passwordHash: await hashPassword(password),
    now: ctx.now(),
    ip: ctx.ip,
  });
  if (!accepted) return { message: m.invite.invalidBody, fieldErrors: {}, values: {} };
  redirect("/login?notice=password_set");
}
