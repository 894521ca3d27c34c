"use server";

import { redirect } from "next/navigation";
import { isTotpSecretInForce } from "@/db/queries/users/profile";
import { type EnrolFormState, firstFieldRefusal, formText, refusedAtField } from "@/lib/auth/forms";
import { generateTotpSecret } from "@/lib/auth/totp";
import { controlCharacterRefusal, doneForm, type FormState, refusedForm } from "@/lib/form-state";
import { fillAuthMessage, authMessages as m } from "@/lib/messages/auth";
import {
  changePassword,
  confirmTotpEnrolment,
  logOutEverywhere,
  turnOffTotp,
} from "@/server/auth/account";
import { endBrowserSession } from "@/server/auth/issue";
import { readPendingEnrolment, requestContext, setPendingEnrolment } from "@/server/auth/request";
import { requireUser } from "@/server/auth/session";

/**
 * The account page's actions. Each authenticates first (requireUser: a session that ended
 * meanwhile goes to the login page), then parses, then acts on the caller's own account
 * only: no action takes a user id from the form.
 */

const PROFILE = "/member/profile";
const text = (value: FormDataEntryValue | null) => formText(value, 1025);
const minutes = (seconds = 60) => Math.max(1, Math.ceil(seconds / 60));

export async function changePasswordAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await requireUser({ next: PROFILE });
  const garbled = controlCharacterRefusal(formData, {}, ["current", "password", "confirm"]);
  if (garbled) return garbled;
  const current = text(formData.get("current"));
  const next = text(formData.get("password"));
  const confirm = text(formData.get("confirm"));
  const refused = firstFieldRefusal(
    {},
    {
      current: current ? undefined : m.profile.errors.currentRequired,
      ...(!next
        ? { password: m.password.required }
        : { confirm: next === confirm ? undefined : m.password.mismatch }),
    },
  );
  if (refused) return refused;

  const result = await changePassword(await requestContext(), user, { current, next });
  if (!result.ok) {
    const message =
      result.field === "current"
        ? result.reason === "rate_limited"
          ? fillAuthMessage(m.profile.errors.rateLimited, {
              minutes: minutes(result.retryAfterSeconds),
            })
          : m.profile.errors.wrongCurrent
        : m.password.problems[result.reason];
    return refusedAtField(result.field === "current" ? "current" : "password", message);
  }
  // Every session ended, this one too: log in again with the new password.
  await endBrowserSession();
  redirect("/login?notice=password_changed");
}

export async function logOutEverywhereAction(): Promise<void> {
  const user = await requireUser({ next: PROFILE });
  await logOutEverywhere(await requestContext(), user);
  await endBrowserSession();
  redirect("/login?notice=logged_out_all");
}

/** Starts setting up (or replacing) the authenticator: a new secret, not yet in force. */
export async function startTotpEnrolmentAction(): Promise<void> {
  const user = await requireUser({ next: PROFILE });
  await setPendingEnrolment({ uid: user.id, secret: generateTotpSecret() });
  redirect(`${PROFILE}/totp`);
}

export async function confirmTotpEnrolmentAction(
  _previous: EnrolFormState,
  formData: FormData,
): Promise<EnrolFormState> {
  const user = await requireUser({ next: PROFILE });
  const pending = await readPendingEnrolment();
  if (!pending || pending.uid !== user.id) return refusedForm({}, m.enrol.expired);
  if (await isTotpSecretInForce(user.id, pending.secret)) redirect(`${PROFILE}/totp`);
  const garbled = controlCharacterRefusal(formData, {}, ["code"]);
  if (garbled) return garbled;
  const code = text(formData.get("code")).trim();
  const result = code
    ? await confirmTotpEnrolment(await requestContext(), user, {
        secret: pending.secret,
        code,
        reenrol: true,
      })
    : { ok: false as const };
  if (!result.ok) return refusedAtField("code", m.enrol.invalid);
  // The pending cookie stays until it expires (changing it would re-render the page and
  // lose the codes on screen); its secret being in force marks the set-up as done.
  return doneForm({}, m.enrol.done, { recoveryCodes: result.recoveryCodes });
}

export async function turnOffTotpAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await requireUser({ next: PROFILE });
  const garbled = controlCharacterRefusal(formData, {}, ["current"]);
  if (garbled) return garbled;
  const current = text(formData.get("current"));
  if (!current) return refusedAtField("current", m.profile.errors.currentRequired);
  const result = await turnOffTotp(await requestContext(), user, { current });
  if (!result.ok) {
    const message =
      result.reason === "required_for_role"
        ? m.profile.totpRequired
        : result.reason === "rate_limited"
          ? fillAuthMessage(m.profile.errors.rateLimited, {
              minutes: minutes(result.retryAfterSeconds),
            })
          : m.profile.errors.wrongCurrent;
    return refusedAtField("current", message);
  }
  redirect(`${PROFILE}?notice=totp_off`);
}
