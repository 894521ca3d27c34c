"use server";

import { redirect } from "next/navigation";
import { acceptInvitation, findUsableInvitation } from "@/db/queries/users/invitations";
import { firstFieldRefusal, formText } from "@/lib/auth/forms";
import { invitationTokenHash } from "@/lib/auth/invitation";
import { controlCharacterRefusal, type FormState, refusedForm } from "@/lib/form-state";
import { authMessages as m } from "@/lib/messages/auth";
import { hashPassword } from "@/lib/password";
import { checkNewPassword } from "@/server/auth/password-policy";
import { requestContext } from "@/server/auth/request";

/** Sets the first password from a one-time invitation link, then sends the person to log in. */
export async function acceptInviteAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const garbled = controlCharacterRefusal(formData, {}, ["password", "confirm"]);
  if (garbled) return garbled;
  const tokenHash = invitationTokenHash(formText(formData.get("token"), 1025));
  const password = formText(formData.get("password"), 1025);
  const confirm = formText(formData.get("confirm"), 1025);
  const ctx = await requestContext();
  const invitation = tokenHash ? await findUsableInvitation(tokenHash, ctx.now()) : null;
  if (!tokenHash || !invitation) return refusedForm({}, m.invite.invalidBody);
  const problem = password ? checkNewPassword(password, invitation) : null;
  const refused = firstFieldRefusal(
    {},
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
  if (!accepted) return refusedForm({}, m.invite.invalidBody);
  redirect("/login?notice=password_set");
}
