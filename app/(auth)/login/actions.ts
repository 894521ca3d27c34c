"use server";

import { redirect } from "next/navigation";
import { getCommitteeInfo } from "@/db/queries/settings";
import { isTotpSecretInForce } from "@/db/queries/users/profile";
import { findSessionAccount } from "@/db/queries/users/sessions";
import { type EnrolFormState, firstFieldRefusal, formText, refusedAtField } from "@/lib/auth/forms";
import { homeFor, safeNextPath } from "@/lib/auth/policy";
import { generateTotpSecret } from "@/lib/auth/totp";
import {
  controlCharacterRefusal,
  doneForm,
  type FormState,
  type FormValues,
  refusedForm,
} from "@/lib/form-state";
import { fillAuthMessage, authMessages as m } from "@/lib/messages/auth";
import { formatDateTime } from "@/lib/time";
import { confirmTotpEnrolment } from "@/server/auth/account";
import { issueSession } from "@/server/auth/issue";
import {
  attemptPasswordLogin,
  attemptSecondFactor,
  completeEnrolledLogin,
  type LoginOutcome,
} from "@/server/auth/login";
import {
  clearPendingLogin,
  readPendingLogin,
  requestContext,
  setPendingLogin,
} from "@/server/auth/request";

/**
 * The login steps. Each one: parse, then server/auth/login.ts decides (rate limit, lockout,
 * timing, audit), then this file turns the outcome into a message, the next step, or a
 * session (next-auth's signIn, which redirects). Passwords and codes are never echoed.
 */

/** Long enough for any real password (the policy allows 128 characters). */
const MAX_PASSWORD_INPUT = 1024;

export async function loginAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const identifier = formText(formData.get("identifier"), 100).trim();
  const password = formText(formData.get("password"), MAX_PASSWORD_INPUT + 1);
  const next = safeNextPath(formData.get("next"), "");
  const values = { identifier, next };
  // Before any lookup: PostgreSQL refuses a NUL outright.
  const garbled = controlCharacterRefusal(formData, values, ["identifier", "password"]);
  if (garbled) return garbled;
  const refused = firstFieldRefusal(values, {
    identifier: identifier ? undefined : m.login.errors.identifierRequired,
    password: password ? undefined : m.login.errors.passwordRequired,
  });
  if (refused) return refused;

  const ctx = await requestContext();
  const outcome = await attemptPasswordLogin(ctx, {
    identifier,
    // An absurdly long "password" is simply wrong; it is not hashed at full length.
    password: password.length > MAX_PASSWORD_INPUT ? "" : password,
    next,
  });
  if (outcome.kind === "second_factor") {
    await setPendingLogin(outcome.pending);
    redirect("/login/verify");
  }
  if (outcome.kind === "enrol") {
    await setPendingLogin({ ...outcome.pending, secret: generateTotpSecret() });
    redirect("/login/enrol");
  }
  return finish(outcome, next, values);
}

export async function verifyTotpAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const pending = await readPendingLogin();
  if (pending?.step !== "totp") redirect("/login?notice=restart");
  const garbled = controlCharacterRefusal(formData, {}, ["code"]);
  if (garbled) return garbled;
  const code = formText(formData.get("code"), 40).trim();
  if (!code) return refusedAtField("code", m.totp.errors.required);
  const outcome = await attemptSecondFactor(await requestContext(), { pending, code });
  if (outcome.kind === "invalid") return refusedAtField("code", m.totp.errors.invalid);
  return finish(outcome, pending.next, {});
}

/**
 * First login of an admin or editor: confirm the new TOTP secret, show the recovery codes.
 * The pending cookie is left as it is (a cookie change would re-render the page and lose
 * the codes on screen): the account having this secret in force is what marks it done.
 */
export async function confirmEnrolAction(
  _previous: EnrolFormState,
  formData: FormData,
): Promise<EnrolFormState> {
  const pending = await readPendingLogin();
  if (pending?.step !== "enrol" || !pending.secret) redirect("/login?notice=restart");
  const ctx = await requestContext();
  const account = await findSessionAccount(pending.uid);
  if (account?.status !== "active" || account.sessionVersion !== pending.sv) {
    redirect("/login?notice=restart");
  }
  if (account.totpEnabled) {
    // A second submit of the same form: already done. Another secret: start again.
    if (await isTotpSecretInForce(account.id, pending.secret)) redirect("/login/enrol");
    redirect("/login?notice=restart");
  }
  const garbled = controlCharacterRefusal(formData, {}, ["code"]);
  if (garbled) return garbled;
  const code = formText(formData.get("code"), 40).trim();
  const result = code
    ? await confirmTotpEnrolment(ctx, account, { secret: pending.secret, code })
    : { ok: false as const };
  if (!result.ok) return refusedAtField("code", m.enrol.invalid);
  return doneForm({}, m.enrol.done, { recoveryCodes: result.recoveryCodes });
}

export async function continueAfterEnrolAction(): Promise<void> {
  const pending = await readPendingLogin();
  if (pending?.step !== "enrol" || !pending.secret) redirect("/login?notice=restart");
  if (!(await isTotpSecretInForce(pending.uid, pending.secret))) redirect("/login/enrol");
  const outcome = await completeEnrolledLogin(await requestContext(), pending);
  await clearPendingLogin();
  if (outcome.kind === "signed_in") {
    await issueSession(outcome.ticket, pending.next || homeFor(outcome.role));
    redirect("/login?notice=failed");
  }
  // Locked or changed meanwhile: the password step will say which.
  redirect("/login?notice=restart");
}

/** "返回，重新登录" from the second step: forget the half-finished login. */
export async function cancelLoginAction(): Promise<void> {
  await clearPendingLogin();
  redirect("/login");
}

/** Turns an outcome into a session (and a redirect) or the message to show. */
async function finish(outcome: LoginOutcome, next: string, values: FormValues): Promise<FormState> {
  switch (outcome.kind) {
    case "signed_in": {
      await clearPendingLogin();
      await issueSession(outcome.ticket, next || homeFor(outcome.role));
      return refusedForm(values, m.login.errors.failed);
    }
    case "locked": {
      const { timeZone } = await getCommitteeInfo();
      const time = formatDateTime(outcome.until, timeZone);
      return refusedForm(values, fillAuthMessage(m.login.errors.locked, { time }));
    }
    case "rate_limited": {
      const minutes = Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60));
      return refusedForm(values, fillAuthMessage(m.login.errors.rateLimited, { minutes }));
    }
    case "restart":
      await clearPendingLogin();
      redirect("/login?notice=restart");
      break;
    case "second_factor":
    case "enrol":
      // Only the password step leads here; it handles these itself.
      redirect("/login?notice=restart");
      break;
    case "invalid":
      break;
  }
  return refusedForm(values, m.login.errors.invalid);
}
