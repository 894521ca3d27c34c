import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { UserRole } from "@/lib/vocabulary";
import type { Database } from "../../client";
import { openOptional, phoneIndex } from "../../encryption/fields";
import { auditLog, recoveryCodes, users } from "../../schema";
import type { Executor, Transaction, UserStatus } from "./types";

/**
 * What logging in reads and writes (server/auth/login.ts decides). The rows here hold the
 * password hash and the TOTP secret: they never leave the login code.
 */

/** What the login step needs about an account (server-side only: it holds the hash). */
export interface LoginAccount {
  id: number;
  username: string;
  role: UserRole;
  status: UserStatus;
  passwordHash: string | null;
  sessionVersion: number;
  totpSecret: string | null;
  totpEnabled: boolean;
  failedLoginCount: number;
  lockedUntil: Date | null;
}

const loginColumns = {
  id: users.id,
  username: users.username,
  role: users.role,
  status: users.status,
  passwordHash: users.passwordHash,
  sessionVersion: users.sessionVersion,
  totpSecret: users.totpSecret,
  totpEnabledAt: users.totpEnabledAt,
  failedLoginCount: users.failedLoginCount,
  lockedUntil: users.lockedUntil,
};

interface LoginRow extends Omit<LoginAccount, "totpEnabled"> {
  totpEnabledAt: Date | null;
}

function toLoginAccount(row: LoginRow): LoginAccount {
  const { totpEnabledAt, totpSecret, ...rest } = row;
  return {
    ...rest,
    totpSecret: openOptional("users.totp_secret", totpSecret),
    totpEnabled: totpEnabledAt !== null && totpSecret !== null,
  };
}

/**
 * The account a person means by `identifier`: a username (case-insensitive) or a phone
 * number already normalised by the caller. Usernames cannot look like phone numbers
 * (scripts/user-invite.ts refuses them), so at most one account matches.
 */
export async function findLoginAccountIn(
  db: Executor,
  identifier: { username: string; phone: string | null },
): Promise<LoginAccount | null> {
  const byName = sql`lower(${users.username}) = lower(${identifier.username})`;
  const where = identifier.phone
    ? sql`(${byName} or ${users.phoneHash} = ${phoneIndex(identifier.phone)})`
    : byName;
  const [row] = await db
    .select(loginColumns)
    .from(users)
    .where(where)
    .orderBy(desc(byName))
    .limit(1);
  return row ? toLoginAccount(row) : null;
}

/**
 * Runs `work` in a transaction holding the account's row lock (`SELECT … FOR UPDATE`), so
 * that concurrent attempts on one account count one after another: the fifth wrong
 * password locks it however many arrive at once, and a TOTP step is used only once.
 */
export async function withLockedAccountIn<T>(
  db: Database,
  userId: number,
  work: (tx: Transaction, account: LoginAccount) => Promise<T>,
): Promise<T | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select(loginColumns)
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!row) return null;
    return work(tx, toLoginAccount(row));
  });
}

export async function saveFailedAttemptsIn(
  tx: Transaction,
  userId: number,
  state: { failedLoginCount: number; lockedUntil: Date | null },
): Promise<void> {
  await tx
    .update(users)
    .set({ failedLoginCount: state.failedLoginCount, lockedUntil: state.lockedUntil })
    .where(eq(users.id, userId));
}

export async function saveSuccessfulLoginIn(tx: Transaction, userId: number, now: Date) {
  await tx
    .update(users)
    .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: now })
    .where(eq(users.id, userId));
}

/**
 * The TOTP step this account last used (replay protection). It is kept in the audit
 * entries of successful logins and enrolments, written in the same transaction that
 * accepted the code, so every instance sees it and it is never lost.
 */
export async function lastTotpStepIn(tx: Executor, userId: number): Promise<number | null> {
  const [row] = await tx
    .select({ step: sql<string | null>`${auditLog.details} ->> 'totpStep'` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorId, userId),
        sql`${auditLog.action} in ('auth.login.success', 'auth.totp.enrol', 'auth.totp.disable')`,
        sql`${auditLog.details} ? 'totpStep'`,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1);
  const step = row?.step ? Number(row.step) : Number.NaN;
  return Number.isSafeInteger(step) ? step : null;
}

export async function unusedRecoveryCodesIn(tx: Executor, userId: number) {
  return tx
    .select({ id: recoveryCodes.id, codeHash: recoveryCodes.codeHash })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
    .orderBy(recoveryCodes.id);
}

export async function markRecoveryCodeUsedIn(tx: Transaction, codeId: number, now: Date) {
  await tx.update(recoveryCodes).set({ usedAt: now }).where(eq(recoveryCodes.id, codeId));
}
