"use server";

import { redirect } from "next/navigation";
import { isTotpSecretInForce } from "@/db/queries/users/profile";
import { type EnrolFormState, firstFieldRefusal, formText, refusedAtField } from "@/lib/auth/forms";
import { generateTotpSecret } from "@/lib/auth/totp";
import { controlCharacterRefusal, doneForm, type FormState, refusedForm } from "@/lib/form-state";
import { fillAuthMessage, authMessages as m } from "@/lib/messages/auth";
import { deliveryMessages } from "@/lib/messages/notification-delivery";
import {
  type ChannelChoicesValues,
  parseChannelChoices,
} from "@/lib/notifications/channel-choices";
import {
  changeNotificationChannels,
  changePassword,
  logOutEverywhere,
} from "@/server/auth/account";
import { endBrowserSession, keepThisSession } from "@/server/auth/issue";
import { readPendingEnrolment, requestContext, setPendingEnrolment } from "@/server/auth/request";
import { requireUser } from "@/server/auth/session";
import { changeTotp, type TotpChangeResult } from "@/server/auth/totp-change";

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

/**
 * Starts setting up (or replacing) the authenticator: a new secret, not yet in force.
 * Nothing changes until the set-up page's form proves who this is (totp-change.ts).
 */
export async function startTotpEnrolmentAction(): Promise<void> {
  const user = await requireUser({ next: PROFILE });
  await setPendingEnrolment({ uid: user.id, secret: generateTotpSecret() });
  redirect(`${PROFILE}/totp`);
}

/** The message for a refused change of the second factor, at its field. */
function totpRefusal(result: Exclude<TotpChangeResult, { ok: true }>, oldCode: string) {
  if (result.field === "oldCode") {
    const message = oldCode ? m.profile.errors.wrongOldCode : m.profile.errors.oldCodeRequired;
    return refusedAtField("oldCode", message);
  }
  if (result.field === "code") return refusedAtField("code", m.enrol.invalid);
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

/** Passwords and codes are never echoed back (lib/auth/forms.ts). */
function readReauth(formData: FormData) {
  return {
    current: text(formData.get("current")),
    oldCode: formText(formData.get("oldCode"), 40).trim(),
    code: formText(formData.get("code"), 40).trim(),
  };
}

export async function confirmTotpEnrolmentAction(
  _previous: EnrolFormState,
  formData: FormData,
): Promise<EnrolFormState> {
  const user = await requireUser({ next: PROFILE });
  const pending = await readPendingEnrolment();
  if (!pending || pending.uid !== user.id) return refusedForm({}, m.enrol.expired);
  if (await isTotpSecretInForce(user.id, pending.secret)) redirect(`${PROFILE}/totp`);
  const garbled = controlCharacterRefusal(formData, {}, ["current", "oldCode", "code"]);
  if (garbled) return garbled;
  const { current, oldCode, code } = readReauth(formData);
  const refused = firstFieldRefusal(
    {},
    {
      current: current ? undefined : m.profile.errors.currentRequired,
      code: code ? undefined : m.profile.errors.codeRequired,
    },
  );
  if (refused) return refused;
  const result = await changeTotp(await requestContext(), user, {
    current,
    oldCode,
    next: { secret: pending.secret, code },
  });
  if (!result.ok) return totpRefusal(result, oldCode);
  // Every other session ended; this one goes on. The pending cookie stays until it
  // expires (deleting it would send the page away and lose the codes on screen); its
  // secret being in force marks the set-up as done.
  await keepThisSession(result.sessionVersion);
  const done = result.replaced ? m.enrol.changedProfile : m.enrol.doneProfile;
  return doneForm({}, done, { recoveryCodes: result.recoveryCodes });
}

export async function turnOffTotpAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await requireUser({ next: PROFILE });
  const garbled = controlCharacterRefusal(formData, {}, ["current", "oldCode"]);
  if (garbled) return garbled;
  const { current, oldCode } = readReauth(formData);
  const refused = firstFieldRefusal(
    {},
    {
      current: current ? undefined : m.profile.errors.currentRequired,
      oldCode: oldCode ? undefined : m.profile.errors.oldCodeRequired,
    },
  );
  if (refused) return refused;
  const result = await changeTotp(await requestContext(), user, { current, oldCode, next: null });
  if (!result.ok) return totpRefusal(result, oldCode);
  await keepThisSession(result.sessionVersion);
  redirect(`${PROFILE}?notice=totp_off`);
}

/**
 * "通知方式": the account's e-mail address and whether to use e-mail and SMS. Security
 * notices go there, so any change takes the current password (checked and rate-limited
 * like the password change). A refusal keeps what was typed (not the password) and
 * changes nothing.
 */
export async function saveNotificationChannelsAction(
  _previous: FormState<ChannelChoicesValues>,
  formData: FormData,
): Promise<FormState<ChannelChoicesValues>> {
  const user = await requireUser({ next: PROFILE });
  const values: ChannelChoicesValues = {
    email: formText(formData.get("email"), 300),
    byEmail: formData.get("byEmail") === "on" ? "on" : "",
    bySms: formData.get("bySms") === "on" ? "on" : "",
  };
  const garbled = controlCharacterRefusal(formData, values, ["email", "current"]);
  if (garbled) return garbled;
  const words = deliveryMessages.channels;
  const parsed = parseChannelChoices(values);
  if (!parsed.ok) return refusedForm(values, words.errors.invalid, parsed.fieldErrors);
  const current = text(formData.get("current"));
  if (!current) return refusedAtField("current", m.profile.errors.currentRequired, values);
  const result = await changeNotificationChannels(await requestContext(), user, {
    current,
    choices: parsed.data,
  });
  if (!result.ok) {
    const message =
      result.reason === "rate_limited"
        ? fillAuthMessage(m.profile.errors.rateLimited, {
            minutes: minutes(result.retryAfterSeconds),
          })
        : m.profile.errors.wrongCurrent;
    return refusedAtField("current", message, values);
  }
  return doneForm({ ...values, email: parsed.data.email ?? "" }, words.saved);
}
