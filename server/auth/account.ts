import "server-only";
import type { Database } from "@/db/client";
import { writeAudit } from "@/db/queries/audit/write";
import { saveChannelChoicesIn } from "@/db/queries/notifications/preferences";
import { lastTotpStepIn } from "@/db/queries/users/login";
import { enableTotpIn, findPasswordOwnerIn, setPasswordIn } from "@/db/queries/users/profile";
import { endAllSessionsIn } from "@/db/queries/users/sessions";
import { generateRecoveryCodes, verifyTotp } from "@/lib/auth/totp";
import type { SessionUser } from "@/lib/auth/types";
import type { ChannelChoices } from "@/lib/notifications/channel-choices";
import { hashPassword, verifyPassword } from "@/lib/password";
import { type RateLimiter, sharedRateLimiter } from "@/server/rate-limit";
import { checkNewPassword, type PasswordProblem } from "./password-policy";

/**
 * What a signed-in person does to their own account: change the password or the
 * notification channels (asking for the current password), log out everywhere; and the first TOTP enrolment during a staff login.
 * Turning TOTP on, replacing or turning it off from the account page: ./totp-change.ts.
 */

export interface AccountContext {
  db: Database;
  ip: string;
  now: () => Date;
  limiter?: RateLimiter;
}

/** Guessing the current password from a stolen session is slowed down per account. */
export const CURRENT_PASSWORD_LIMIT = { limit: 5, windowMs: 15 * 60 * 1000 } as const;

const actor = (ctx: AccountContext, user: Pick<SessionUser, "id" | "username">) => ({
  actorId: user.id,
  actorLabel: user.username,
  ip: ctx.ip,
});

type Who = Pick<SessionUser, "id" | "username" | "role">;

export type CurrentPasswordRefusal = "wrong_current" | "rate_limited";

export async function checkCurrentPassword(
  ctx: AccountContext,
  user: Who,
  current: string,
  purpose: string,
): Promise<
  | { ok: true; owner: { username: string; phone: string | null } }
  | { ok: false; reason: CurrentPasswordRefusal; retryAfterSeconds?: number }
> {
  const limiter = ctx.limiter ?? sharedRateLimiter("auth:current-password", CURRENT_PASSWORD_LIMIT);
  const rate = await limiter.consume(`user:${user.id}`);
  if (!rate.allowed) {
    return { ok: false, reason: "rate_limited", retryAfterSeconds: rate.retryAfterSeconds };
  }
  const owner = await findPasswordOwnerIn(ctx.db, user.id);
  if (!owner || !(await verifyPassword(owner.passwordHash, current))) {
    await writeAudit(ctx.db, {
      action: "auth.password.check_failure",
      ...actor(ctx, user),
      targetType: "user",
      targetId: String(user.id),
      details: { purpose },
    });
    return { ok: false, reason: "wrong_current" };
  }
  return { ok: true, owner };
}

export type PasswordChangeResult =
  | { ok: true }
  | { ok: false; field: "current"; reason: CurrentPasswordRefusal; retryAfterSeconds?: number }
  | { ok: false; field: "next"; reason: PasswordProblem | "same_as_current" };

/** Ends every session of the account, this one included: the person logs in again. */
export async function changePassword(
  ctx: AccountContext,
  user: Who,
  input: { current: string; next: string },
): Promise<PasswordChangeResult> {
  const checked = await checkCurrentPassword(ctx, user, input.current, "password_change");
  if (!checked.ok) {
    return {
      ok: false,
      field: "current",
      reason: checked.reason,
      retryAfterSeconds: checked.retryAfterSeconds,
    };
  }
  const problem = checkNewPassword(input.next, checked.owner);
  if (problem) return { ok: false, field: "next", reason: problem };
  if (input.next === input.current) return { ok: false, field: "next", reason: "same_as_current" };
  await setPasswordIn(ctx.db, {
    userId: user.id,
    passwordHash: await hashPassword(input.next),
    now: ctx.now(),
    actor: actor(ctx, user),
  });
  return { ok: true };
}

export type ChannelsChangeResult =
  | { ok: true }
  | { ok: false; reason: CurrentPasswordRefusal; retryAfterSeconds?: number };

/**
 * The profile's "通知方式": where the account's notices (security ones too) go, so a
 * change takes the current password, like the password change (a session left open on
 * someone else's phone must not redirect them). A refusal changes nothing.
 */
export async function changeNotificationChannels(
  ctx: AccountContext,
  user: Who,
  input: { current: string; choices: ChannelChoices },
): Promise<ChannelsChangeResult> {
  const checked = await checkCurrentPassword(ctx, user, input.current, "notification_channels");
  if (!checked.ok) {
    return checked.retryAfterSeconds === undefined
      ? { ok: false, reason: checked.reason }
      : { ok: false, reason: checked.reason, retryAfterSeconds: checked.retryAfterSeconds };
  }
  await saveChannelChoicesIn(ctx.db, user.id, input.choices, {
    ip: ctx.ip,
    actorLabel: user.username,
  });
  return { ok: true };
}

export async function logOutEverywhere(ctx: AccountContext, user: Who): Promise<void> {
  await endAllSessionsIn(ctx.db, { userId: user.id, now: ctx.now(), actor: actor(ctx, user) });
}

export type EnrolmentResult = { ok: true; recoveryCodes: string[] } | { ok: false };

/**
 * The first enrolment of staff, during their first login (right after the password, before
 * any session exists): confirms a new TOTP secret with a code from the app, then stores it
 * with ten fresh recovery codes (hashed; shown to the person once, by the caller). The
 * code's step counts as used, so it cannot log in again. Refused when the account already
 * has a second factor: replacing one takes more (./totp-change.ts).
 */
export async function confirmTotpEnrolment(
  ctx: AccountContext,
  user: Pick<SessionUser, "id" | "username">,
  input: { secret: string; code: string },
): Promise<EnrolmentResult> {
  const now = ctx.now();
  const check = verifyTotp(input.secret, input.code, now, await lastTotpStepIn(ctx.db, user.id));
  if (!check.ok) return { ok: false };
  const recoveryCodes = generateRecoveryCodes();
  const recoveryCodeHashes = await Promise.all(recoveryCodes.map((code) => hashPassword(code)));
  const enabled = await enableTotpIn(ctx.db, {
    userId: user.id,
    secret: input.secret,
    step: check.step,
    recoveryCodeHashes,
    now,
    actor: actor(ctx, user),
  });
  return enabled ? { ok: true, recoveryCodes } : { ok: false };
}
