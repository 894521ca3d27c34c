import "server-only";
import type { Database } from "@/db/client";
import { writeAudit } from "@/db/queries/audit/write";
import {
  findLoginAccountIn,
  type LoginAccount,
  lastTotpStepIn,
  markRecoveryCodeUsedIn,
  saveFailedAttemptsIn,
  saveSuccessfulLoginIn,
  unusedRecoveryCodesIn,
  withLockedAccountIn,
} from "@/db/queries/users/login";
import type { Transaction } from "@/db/queries/users/types";
import { maskPhone } from "@/lib/attendance";
import {
  afterFailure,
  LOCKOUT,
  lockedUntil,
  normalisePhone,
  requiresTotp,
} from "@/lib/auth/policy";
import { normaliseRecoveryCode, verifyTotp } from "@/lib/auth/totp";
import { hashPassword, verifyPassword } from "@/lib/password";
import { type RateLimiter, sharedRateLimiter } from "@/server/rate-limit";
import type { LoginTicket, PendingLogin } from "./tokens";

/**
 * Logging in, step by step. Every attempt, whatever its outcome, is written to the audit
 * log with the client's IP. The answers never tell whether an account exists:
 * - an unknown (or disabled, or not yet activated) account costs the same argon2 work as a
 *   real one (a verify against a dummy hash), and every attempt takes at least
 *   MIN_ATTEMPT_MS, so the timing is the same;
 * - the password step never says "locked": a locked account, an unknown name, any
 *   spelling of a phone and a wrong password all get the one answer ("invalid"), with the
 *   same status and fields, so no count of requests tells a member's phone from a guess
 *   (the page states the lockout rule up front instead).
 * Five wrong passwords or second-factor codes in a row lock the account (in the database,
 * so every instance agrees) for 15 minutes, during which even the right password is
 * refused; the audit log records it. Only once the password was right (the TOTP step)
 * is "locked" said out loud. A per-IP limit slows guessing across accounts.
 */

export const LOGIN_RATE_LIMIT = { limit: 30, windowMs: 10 * 60 * 1000 } as const;
/** Longer than any attempt's real work here (argon2 ≈ 10 ms, a few queries). */
export const MIN_ATTEMPT_MS = 250;

export interface LoginContext {
  db: Database;
  ip: string;
  now: () => Date;
  /** Pad every attempt to MIN_ATTEMPT_MS (off in integration tests with a fake clock). */
  padTiming?: boolean;
  limiter?: RateLimiter;
}

export type LoginOutcome =
  | { kind: "signed_in"; ticket: LoginTicket; role: LoginAccount["role"] }
  | { kind: "second_factor"; pending: PendingLogin }
  | { kind: "enrol"; pending: PendingLogin }
  | { kind: "invalid" }
  | { kind: "locked"; until: Date }
  | { kind: "rate_limited"; retryAfterSeconds: number }
  /** The pending login no longer matches the account (changed, disabled): start again. */
  | { kind: "restart" };

function defaults(ctx: LoginContext) {
  return { limiter: ctx.limiter ?? sharedRateLimiter("auth:login", LOGIN_RATE_LIMIT) };
}

let dummyHash: Promise<string> | undefined;
/** A real argon2id hash of nothing anyone knows, verified when the account is missing. */
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`);
  return dummyHash;
}

async function padded<T>(ctx: LoginContext, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const left = MIN_ATTEMPT_MS - (performance.now() - started);
    if (ctx.padTiming !== false && left > 0) await new Promise((r) => setTimeout(r, left));
  }
}

/** The audit entry's "who" for an attempt on a known account. */
const actorOf = (ctx: LoginContext, account: { id: number; username: string }) => ({
  actorId: account.id,
  actorLabel: account.username,
  ip: ctx.ip,
  targetType: "user",
  targetId: String(account.id),
});

/** Step 1: username (or phone) and password. */
export async function attemptPasswordLogin(
  ctx: LoginContext,
  input: { identifier: string; password: string; next: string },
): Promise<LoginOutcome> {
  return padded(ctx, async () => {
    const { limiter } = defaults(ctx);
    const now = ctx.now();
    const identifier = input.identifier.trim();
    // Labels the audit entry when no active account answers: a phone only masked, since
    // phones are kept encrypted at rest.
    const typedPhone = normalisePhone(identifier);
    const label = typedPhone ? maskPhone(typedPhone) : identifier.slice(0, 64);

    const rate = await limiter.consume(`ip:${ctx.ip}`);
    if (!rate.allowed) {
      await writeAudit(ctx.db, {
        action: "auth.login.failure",
        actorLabel: label,
        ip: ctx.ip,
        details: { reason: "rate_limited", stage: "password" },
      });
      return { kind: "rate_limited", retryAfterSeconds: rate.retryAfterSeconds };
    }

    const account = await findLoginAccountIn(ctx.db, {
      username: identifier,
      phone: typedPhone,
    });

    if (account?.status !== "active" || !account.passwordHash) {
      // Same work as a real check, then the same answers as a real account would get.
      await verifyPassword(await getDummyHash(), input.password);
      const reason = !account ? "unknown_account" : `account_${account.status}`;
      await writeAudit(ctx.db, {
        action: "auth.login.failure",
        actorId: account?.id ?? null,
        actorLabel: label,
        ip: ctx.ip,
        targetType: account ? "user" : null,
        targetId: account ? String(account.id) : null,
        details: { reason, stage: "password" },
      });
      return { kind: "invalid" };
    }

    const passwordOk = await verifyPassword(account.passwordHash, input.password);
    const outcome = await withLockedAccountIn(ctx.db, account.id, async (tx, current) => {
      const until = lockedUntil(current, now);
      if (until) {
        await writeAudit(tx, {
          action: "auth.login.locked",
          ...actorOf(ctx, current),
          details: { stage: "password", passwordOk, lockedUntil: until.toISOString() },
        });
        // Said as "invalid": "locked" would tell that this name is an account.
        return { kind: "invalid" } as const;
      }
      if (current.status !== "active") {
        await writeAudit(tx, {
          action: "auth.login.failure",
          ...actorOf(ctx, current),
          details: { reason: `account_${current.status}`, stage: "password" },
        });
        return { kind: "invalid" } as const;
      }
      if (!passwordOk || current.passwordHash !== account.passwordHash) {
        return recordFailure(ctx, tx, current, now, "wrong_password", "password");
      }
      const pending = { uid: current.id, sv: current.sessionVersion, next: input.next };
      if (current.totpEnabled) {
        await writeAudit(tx, {
          action: "auth.login.challenge",
          ...actorOf(ctx, current),
          details: { step: "totp" },
        });
        return { kind: "second_factor", pending: { ...pending, step: "totp" } } as const;
      }
      if (requiresTotp(current.role)) {
        await writeAudit(tx, {
          action: "auth.login.challenge",
          ...actorOf(ctx, current),
          details: { step: "enrol" },
        });
        return { kind: "enrol", pending: { ...pending, step: "enrol" } } as const;
      }
      return recordSuccess(ctx, tx, current, now, { method: "password" });
    });
    return outcome ?? { kind: "invalid" };
  });
}

/** Step 2 for accounts with TOTP: a code from the app, or one of the recovery codes. */
export async function attemptSecondFactor(
  ctx: LoginContext,
  input: { pending: PendingLogin; code: string },
): Promise<LoginOutcome> {
  return padded(ctx, async () => {
    const { limiter } = defaults(ctx);
    const now = ctx.now();
    const rate = await limiter.consume(`ip:${ctx.ip}`);
    if (!rate.allowed) {
      await writeAudit(ctx.db, {
        action: "auth.login.failure",
        actorId: input.pending.uid,
        ip: ctx.ip,
        details: { reason: "rate_limited", stage: "totp" },
      });
      return { kind: "rate_limited", retryAfterSeconds: rate.retryAfterSeconds };
    }

    const recovery = normaliseRecoveryCode(input.code);
    const outcome = await withLockedAccountIn(ctx.db, input.pending.uid, async (tx, current) => {
      if (
        current.status !== "active" ||
        current.sessionVersion !== input.pending.sv ||
        !current.totpEnabled ||
        !current.totpSecret
      ) {
        return { kind: "restart" } as const;
      }
      const until = lockedUntil(current, now);
      if (until) {
        await writeAudit(tx, {
          action: "auth.login.locked",
          ...actorOf(ctx, current),
          details: { stage: "totp", lockedUntil: until.toISOString() },
        });
        return { kind: "locked", until } as const;
      }
      if (/^\s*\d[\d\s]*$/.test(input.code)) {
        const check = verifyTotp(
          current.totpSecret,
          input.code,
          now,
          await lastTotpStepIn(tx, current.id),
        );
        if (!check.ok) {
          const reason = check.reason === "replayed" ? "totp_replayed" : "wrong_totp";
          return recordFailure(ctx, tx, current, now, reason, "totp");
        }
        return recordSuccess(ctx, tx, current, now, {
          method: "password+totp",
          totpStep: check.step,
        });
      }
      if (recovery) {
        for (const candidate of await unusedRecoveryCodesIn(tx, current.id)) {
          if (await verifyPassword(candidate.codeHash, recovery)) {
            await markRecoveryCodeUsedIn(tx, candidate.id, now);
            return recordSuccess(ctx, tx, current, now, { method: "password+recovery_code" });
          }
        }
      }
      return recordFailure(ctx, tx, current, now, "wrong_recovery_code", "totp");
    });
    return outcome ?? { kind: "restart" };
  });
}

/**
 * The last step of a first login for staff who just enrolled TOTP (the code was checked
 * by the enrolment): the account must still be the one the pending login named.
 */
export async function completeEnrolledLogin(
  ctx: LoginContext,
  pending: PendingLogin,
): Promise<LoginOutcome> {
  const now = ctx.now();
  const outcome = await withLockedAccountIn(ctx.db, pending.uid, async (tx, current) => {
    if (
      current.status !== "active" ||
      current.sessionVersion !== pending.sv ||
      !current.totpEnabled
    ) {
      return { kind: "restart" } as const;
    }
    const until = lockedUntil(current, now);
    if (until) return { kind: "locked", until } as const;
    return recordSuccess(ctx, tx, current, now, { method: "password+totp_enrol" });
  });
  return outcome ?? { kind: "restart" };
}

async function recordFailure(
  ctx: LoginContext,
  tx: Transaction,
  account: LoginAccount,
  now: Date,
  reason: string,
  stage: "password" | "totp",
): Promise<LoginOutcome> {
  const next = afterFailure(account, now);
  await saveFailedAttemptsIn(tx, account.id, next);
  await writeAudit(tx, {
    action: "auth.login.failure",
    ...actorOf(ctx, account),
    details: {
      reason,
      stage,
      failures: next.lockedNow ? LOCKOUT.maxFailures : next.failedLoginCount,
      ...(next.lockedNow && next.lockedUntil
        ? { lockedUntil: next.lockedUntil.toISOString() }
        : {}),
    },
  });
  // The lock that starts now is said only at the TOTP step (the password was right).
  return stage === "totp" && next.lockedNow && next.lockedUntil
    ? { kind: "locked", until: next.lockedUntil }
    : { kind: "invalid" };
}

async function recordSuccess(
  ctx: LoginContext,
  tx: Transaction,
  account: LoginAccount,
  now: Date,
  details: { method: string; totpStep?: number },
): Promise<LoginOutcome> {
  await saveSuccessfulLoginIn(tx, account.id, now);
  await writeAudit(tx, { action: "auth.login.success", ...actorOf(ctx, account), details });
  return {
    kind: "signed_in",
    role: account.role,
    ticket: { uid: account.id, sv: account.sessionVersion, method: details.method },
  };
}
