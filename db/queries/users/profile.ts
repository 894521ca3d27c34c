import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { openOptional, sealField, sealOptional } from "@/db/encryption/fields";
import { type SecurityEventAction, securityEventActions, type UserRole } from "@/lib/vocabulary";
import type { Database } from "../../client";
import { getDb } from "../../runtime";
import { auditLog, organisations, recoveryCodes, sectors, users } from "../../schema";
import { auditAccountChange } from "./audit";
import type { AuditActor, Executor, Transaction } from "./types";

/**
 * A person's own account (the profile page; server/auth/account.ts decides): what it
 * shows, the password, and the second factor. Every write audits itself in its
 * transaction; nothing here returns a hash or a secret to a caller that renders.
 */

export interface ProfileView {
  username: string;
  displayName: string;
  role: UserRole;
  phoneMasked: string | null;
  sectorName: string | null;
  organisationName: string | null;
  totpEnabled: boolean;
  recoveryCodesLeft: number;
  passwordChangedAt: Date | null;
  lastLoginAt: Date | null;
}

export async function getProfileIn(db: Executor, userId: number): Promise<ProfileView | null> {
  const [row] = await db
    .select({
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      phone: users.phone,
      sectorName: sectors.name,
      organisationName: organisations.name,
      totpEnabledAt: users.totpEnabledAt,
      passwordChangedAt: users.passwordChangedAt,
      lastLoginAt: users.lastLoginAt,
      recoveryCodesLeft: sql<number>`(
        select count(*) from ${recoveryCodes}
        where ${recoveryCodes.userId} = ${users.id} and ${recoveryCodes.usedAt} is null
      )`.mapWith(Number),
    })
    .from(users)
    .leftJoin(sectors, eq(sectors.id, users.sectorId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return null;
  const { phone: stored, totpEnabledAt, ...rest } = row;
  const phone = openOptional("users.phone", stored);
  return {
    ...rest,
    phoneMasked: phone ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : null,
    totpEnabled: totpEnabledAt !== null,
  };
}

export async function getProfile(userId: number) {
  return getProfileIn(await getDb(), userId);
}

/** What checking a "current password" needs; never leaves the server. */
export async function findPasswordOwnerIn(
  db: Executor,
  userId: number,
): Promise<{ passwordHash: string; username: string; phone: string | null } | null> {
  const [row] = await db
    .select({ passwordHash: users.passwordHash, username: users.username, phone: users.phone })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.status, "active")))
    .limit(1);
  return row?.passwordHash
    ? { ...row, passwordHash: row.passwordHash, phone: openOptional("users.phone", row.phone) }
    : null;
}

/** A new password ends every session of the account at once (session version + 1). */
export async function setPasswordIn(
  db: Database,
  input: { userId: number; passwordHash: string; now: Date; actor: AuditActor },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash: input.passwordHash,
        passwordChangedAt: input.now,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        failedLoginCount: 0,
        lockedUntil: null,
        updatedAt: input.now,
      })
      .where(eq(users.id, input.userId));
    await auditAccountChange(tx, "auth.password.change", input);
  });
}

/**
 * Turns TOTP on with a confirmed secret and a fresh set of hashed recovery codes, for an
 * account that has none yet (the first login of staff); false when it already has one.
 * `step` is the step of the code that confirmed it.
 */
export async function enableTotpIn(
  db: Database,
  input: {
    userId: number;
    secret: string;
    step: number;
    recoveryCodeHashes: string[];
    now: Date;
    actor: AuditActor;
  },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({
        totpSecret: sealField("users.totp_secret", input.secret),
        totpEnabledAt: input.now,
        updatedAt: input.now,
      })
      .where(and(eq(users.id, input.userId), sql`${users.totpEnabledAt} is null`))
      .returning({ id: users.id });
    if (updated.length === 0) return false;
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, input.userId));
    await tx
      .insert(recoveryCodes)
      .values(input.recoveryCodeHashes.map((codeHash) => ({ userId: input.userId, codeHash })));
    await auditAccountChange(tx, "auth.totp.enrol", input, {
      totpStep: input.step,
      reenrol: false,
    });
    return true;
  });
}

/** Whether `secret` is the account's TOTP secret in force (an enrolment just confirmed). */
export async function isTotpSecretInForceIn(
  db: Executor,
  userId: number,
  secret: string,
): Promise<boolean> {
  // Stored encrypted under a random IV: compared once decrypted, not in SQL.
  const [row] = await db
    .select({ totpSecret: users.totpSecret })
    .from(users)
    .where(and(eq(users.id, userId), sql`${users.totpEnabledAt} is not null`))
    .limit(1);
  return openOptional("users.totp_secret", row?.totpSecret ?? null) === secret;
}

export async function isTotpSecretInForce(userId: number, secret: string) {
  return isTotpSecretInForceIn(await getDb(), userId, secret);
}

/**
 * A change of the second factor from the account page, in the caller's transaction (which
 * holds the account's row lock and has checked the password and the current code): the new
 * secret with fresh recovery codes, or none at all; the session version goes up, so every
 * other session ends (the caller re-issues this browser's cookie with the new version).
 * Returns the new session version.
 */
export async function changeTotpIn(
  tx: Transaction,
  input: {
    userId: number;
    next: { secret: string; recoveryCodeHashes: string[] } | null;
    now: Date;
    actor: AuditActor;
    details: Record<string, unknown>;
  },
): Promise<number> {
  const [row] = await tx
    .update(users)
    .set({
      totpSecret: sealOptional("users.totp_secret", input.next?.secret ?? null),
      totpEnabledAt: input.next ? input.now : null,
      sessionVersion: sql`${users.sessionVersion} + 1`,
      updatedAt: input.now,
    })
    .where(eq(users.id, input.userId))
    .returning({ sessionVersion: users.sessionVersion });
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, input.userId));
  if (input.next) {
    await tx
      .insert(recoveryCodes)
      .values(
        input.next.recoveryCodeHashes.map((codeHash) => ({ userId: input.userId, codeHash })),
      );
  }
  await auditAccountChange(tx, input.next ? "auth.totp.enrol" : "auth.totp.disable", input, {
    ...input.details,
    otherSessionsEnded: true,
  });
  return row?.sessionVersion ?? 0;
}

export interface SecurityEvent {
  id: number;
  at: Date;
  action: SecurityEventAction;
  ip: string | null;
  /** Done by someone else (an administrator, the command line), not the account itself. */
  byOther: boolean;
}

/**
 * The account's recent security events, newest first, from the audit entries that target
 * it: what the account page shows so that a change nobody expected is noticed (there is
 * no e-mail or SMS channel yet). A failed login counts only when it locked the account.
 */
export async function listSecurityEventsIn(
  db: Executor,
  userId: number,
  limit = 10,
): Promise<SecurityEvent[]> {
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      ip: auditLog.ip,
      actorId: auditLog.actorId,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.targetType, "user"),
        eq(auditLog.targetId, String(userId)),
        inArray(auditLog.action, [...securityEventActions]),
        sql`(${auditLog.action} <> 'auth.login.failure' or ${auditLog.details} ? 'lockedUntil')`,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map(({ actorId, action, ...rest }) => ({
    ...rest,
    action: action as SecurityEventAction,
    byOther: actorId !== userId,
  }));
}

export async function listSecurityEvents(userId: number) {
  return listSecurityEventsIn(await getDb(), userId);
}
