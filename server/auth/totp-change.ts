import "server-only";
import { writeAudit } from "@/db/queries/audit/write";
import {
  type LoginAccount,
  lastTotpStepIn,
  unusedRecoveryCodesIn,
  withLockedAccountIn,
} from "@/db/queries/users/login";
import { changeTotpIn } from "@/db/queries/users/profile";
import type { Transaction } from "@/db/queries/users/types";
import { requiresTotp } from "@/lib/auth/policy";
import { generateRecoveryCodes, normaliseRecoveryCode, verifyTotp } from "@/lib/auth/totp";
import type { SessionUser } from "@/lib/auth/types";
import { hashPassword, verifyPassword } from "@/lib/password";
import { type AccountContext, type CurrentPasswordRefusal, checkCurrentPassword } from "./account";

/**
 * Turning the second factor on, replacing it, or turning it off, from the account page.
 * A session alone is not enough (a stolen cookie must not be able to take over or strip
 * the second factor):
 * - always the current password (also for the first enrolment: a thief holding only a
 *   session could otherwise put their own authenticator on a member's account and lock
 *   the member out of it);
 * - when a second factor is on, also a current code from its authenticator or one of its
 *   unused recovery codes (whoever replaces it must hold it: the finding was a swap with
 *   only a session);
 * - for a new authenticator, a code from it (it works before it counts).
 * Attempts share the per-account limit of current-password checks; wrong codes are
 * audited. On success, in one transaction under the account's row lock: the new secret
 * and recovery codes (or none), the session version + 1 (every OTHER session ends: the
 * caller re-issues this browser's cookie with the returned version), and the audit entry,
 * which the account page lists among its security events.
 */

export type TotpChangeResult =
  | { ok: true; recoveryCodes: string[]; sessionVersion: number; replaced: boolean }
  | {
      ok: false;
      field: "current";
      reason: CurrentPasswordRefusal | "required_for_role";
      retryAfterSeconds?: number;
    }
  | { ok: false; field: "oldCode" | "code"; reason: "wrong_code" };

export async function changeTotp(
  ctx: AccountContext,
  user: Pick<SessionUser, "id" | "username" | "role">,
  input: {
    current: string;
    /** A code of the authenticator in force, or a recovery code ("" when none is on). */
    oldCode: string;
    /** The new authenticator's secret and a code from it; null turns TOTP off. */
    next: { secret: string; code: string } | null;
  },
): Promise<TotpChangeResult> {
  if (!input.next && requiresTotp(user.role)) {
    return { ok: false, field: "current", reason: "required_for_role" };
  }
  const purpose = input.next ? "totp_change" : "totp_disable";
  const checked = await checkCurrentPassword(ctx, user, input.current, purpose);
  if (!checked.ok) return { ...checked, field: "current" };
  const now = ctx.now();
  const who = { actorId: user.id, actorLabel: user.username, ip: ctx.ip };

  const outcome = await withLockedAccountIn(
    ctx.db,
    user.id,
    async (tx, account): Promise<TotpChangeResult> => {
      const lastStep = await lastTotpStepIn(tx, account.id);
      let proof: { with: "password" | "password+totp" | "password+recovery_code"; step?: number } =
        { with: "password" };
      if (account.totpEnabled) {
        const held = await proveSecondFactor(tx, account, input.oldCode, now, lastStep);
        if (!held) {
          if (input.oldCode.trim()) {
            await writeAudit(tx, {
              action: "auth.totp.check_failure",
              ...who,
              targetType: "user",
              targetId: String(user.id),
              details: { purpose },
            });
          }
          return { ok: false, field: "oldCode", reason: "wrong_code" };
        }
        proof = held;
      } else if (!input.next) {
        // Nothing to turn off: already off (another tab). Ends nothing, says done.
        return {
          ok: true,
          recoveryCodes: [],
          sessionVersion: account.sessionVersion,
          replaced: false,
        };
      }

      let fresh: { secret: string; step: number; codes: string[]; hashes: string[] } | null = null;
      if (input.next) {
        const check = verifyTotp(input.next.secret, input.next.code, now, lastStep);
        if (!check.ok) return { ok: false, field: "code", reason: "wrong_code" };
        const codes = generateRecoveryCodes();
        const hashes = await Promise.all(codes.map((code) => hashPassword(code)));
        fresh = { secret: input.next.secret, step: check.step, codes, hashes };
      }
      // The highest step used here counts as used: neither code can log in again.
      const steps = [proof.step, fresh?.step].filter((s): s is number => s !== undefined);
      const sessionVersion = await changeTotpIn(tx, {
        userId: user.id,
        next: fresh ? { secret: fresh.secret, recoveryCodeHashes: fresh.hashes } : null,
        now,
        actor: who,
        details: {
          verifiedWith: proof.with,
          ...(fresh ? { reenrol: account.totpEnabled } : {}),
          ...(steps.length > 0 ? { totpStep: Math.max(...steps) } : {}),
        },
      });
      return {
        ok: true,
        recoveryCodes: fresh?.codes ?? [],
        sessionVersion,
        replaced: account.totpEnabled,
      };
    },
  );
  // The account vanished meanwhile: as for a wrong password.
  return outcome ?? { ok: false, field: "current", reason: "wrong_current" };
}

/**
 * Whether `code` proves the person holds the second factor in force: a current code not
 * used before, or an unused recovery code (all of which the change then replaces).
 */
async function proveSecondFactor(
  tx: Transaction,
  account: LoginAccount,
  code: string,
  now: Date,
  lastStep: number | null,
): Promise<{ with: "password+totp" | "password+recovery_code"; step?: number } | null> {
  if (!account.totpSecret || !code.trim()) return null;
  if (/^\s*\d[\d\s]*$/.test(code)) {
    const check = verifyTotp(account.totpSecret, code, now, lastStep);
    return check.ok ? { with: "password+totp", step: check.step } : null;
  }
  const recovery = normaliseRecoveryCode(code);
  if (!recovery) return null;
  for (const candidate of await unusedRecoveryCodesIn(tx, account.id)) {
    if (await verifyPassword(candidate.codeHash, recovery))
      return { with: "password+recovery_code" };
  }
  return null;
}
