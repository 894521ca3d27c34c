"use server";

import { redirect } from "next/navigation";
import { getCommitteeInfo } from "@/db/queries/settings";
import { findSessionAccount, isTotpSecretInForce } from "@/db/queries/users";
import { homeFor, safeNextPath } from "@/lib/auth/policy";
import { generateTotpSecret } from "@/lib/auth/totp";
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
import type { AuthFormState, EnrolFormState } from "../_components/form-parts";

/**
 * The login steps. Each one: parse, then server/auth/login.ts decides (rate limit, lockout,
 * timing, audit), then this file turns the outcome into a message, the next step, or a
 * session (next-auth's signIn, which redirects). Passwords and codes are never echoed.
 */

const text = (value: FormDataEntryValue | null, max: number) =>
  typeof value === "string" ? value.slice(0, max) : "";

/** Long enough for any real password (the policy allows 128 characters). */
const MAX_PASSWORD_INPUT = 1024;

export async function loginAction(
  _previous: AuthFormState,
  formData: FormData,
): Promise<AuthFormState> {
  const identifier = text(formData.get("identifier"), 100).trim();
  const password = text(formData.get("password"), MAX_PASSWORD_INPUT + 1);
  const next = safeNextPath(formData.get("next"), "");
  const values = { identifier, next };
  const fieldErrors: AuthFormState["fieldErrors"] = {};
  if (!identifier) fieldErrors.identifier = m.login.errors.identifierRequired;
  if (!password) fieldErrors.password = m.login.errors.passwordRequired;
  if (fieldErrors.identifier || fieldErrors.password) {
    return { message: fieldErrors.identifier ?? fieldErrors.password ?? null, fieldErrors, values };
  }

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
  _previous: AuthFormState,
  formData: FormData,
): Promise<AuthFormState> {
  const pending = await readPendingLogin();
  if (pending?.step !== "totp") redirect("/login?notice=restart");
  const code = text(formData.get("code"), 40).trim();
  if (!code) {
    return {
      message: m.totp.errors.required,
      fieldErrors: { code: m.totp.errors.required },
      values: {},
    };
  }
  const outcome = await attemptSecondFactor(await requestContext(), { pending, code });
  if (outcome.kind === "invalid") {
    return {
      message: m.totp.errors.invalid,
      fieldErrors: { code: m.totp.errors.invalid },
      values: {},
    };
  }
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
  const code = text(formData.get("code"), 40).trim();
  const result = code
    ? await confirmTotpEnrolment(ctx, account, { secret: pending.secret, code, reenrol: false })
    : { ok: false as const };
  if (!result.ok) {
    return { message: m.enrol.invalid, fieldErrors: { code: m.enrol.invalid }, values: {} };
  }
  return {
    message: m.enrol.done,
    tone: "success",
    fieldErrors: {},
    values: {},
    recoveryCodes: result.recoveryCodes,
  };
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
async function finish(
  outcome: LoginOutcome,
  next: string,
  values: Record<string, string>,
): Promise<AuthFormState> {
  switch (outcome.kind) {
    case "signed_in": {
      await clearPendingLogin();
      await issueSession(outcome.ticket, next || homeFor(outcome.role));
      return { message: m.login.errors.failed, fieldErrors: {}, values };
    }
    case "locked": {
      const { timeZone } = await getCommitteeInfo();
      const time = formatDateTime(outcome.until, timeZone);
      return { message: fillAuthMessage(m.login.errors.locked, { time }), fieldErrors: {}, values };
    }
    case "rate_limited": {
      const minutes = Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60));
      return {
        message: fillAuthMessage(m.login.errors.rateLimited, { minutes }),
        fieldErrors: {},
        values,
      };
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
  return { message: m.login.errors.invalid, fieldErrors: {}, values };
}
