import "server-only";
import { and, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { UserRole } from "@/lib/vocabulary";
import type { Database } from "../client";
import { getDb } from "../runtime";
import {
  auditLog,
  endedSessions,
  invitations,
  organisations,
  recoveryCodes,
  sectors,
  users,
} from "../schema";
import { writeAudit } from "./audit";

/**
 * Accounts, logins, sessions and invitations. The `…In(db, …)` functions take the database
 * or a transaction (integration tests and the CLI call them with their own); plain names
 * use the server's database. Every write that matters records itself in the audit log in
 * the same transaction. No function here returns a password hash or a TOTP secret to a
 * caller that renders: those stay inside the login and profile code.
 */

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
type Executor = Database | Transaction;
export type UserStatus = "invited" | "active" | "disabled";

// ---------------------------------------------------------------------------------------
// Login

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
  const { totpEnabledAt, ...rest } = row;
  return { ...rest, totpEnabled: totpEnabledAt !== null && rest.totpSecret !== null };
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
    ? sql`(${byName} or ${users.phone} = ${identifier.phone})`
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
        sql`${auditLog.action} in ('auth.login.success', 'auth.totp.enrol')`,
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

// ---------------------------------------------------------------------------------------
// Sessions and the profile

export interface SessionAccount {
  id: number;
  username: string;
  displayName: string;
  role: UserRole;
  status: UserStatus;
  sectorId: number | null;
  organisationId: number | null;
  sessionVersion: number;
  totpEnabled: boolean;
  /** The session asked about was ended by "退出" (always false when no sid is given). */
  sessionEnded: boolean;
}

/** One indexed read per request: is this session's account still what the cookie says? */
export async function findSessionAccountIn(
  db: Executor,
  userId: number,
  sid?: string,
): Promise<SessionAccount | null> {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      status: users.status,
      sectorId: users.sectorId,
      organisationId: users.organisationId,
      sessionVersion: users.sessionVersion,
      totpEnabledAt: users.totpEnabledAt,
      sessionEnded: sid
        ? sql<boolean>`exists (select 1 from ${endedSessions} where ${endedSessions.sid} = ${sid})`
        : sql<boolean>`false`,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return null;
  const { totpEnabledAt, ...rest } = row;
  return { ...rest, sessionEnded: Boolean(rest.sessionEnded), totpEnabled: totpEnabledAt !== null };
}

export async function findSessionAccount(userId: number, sid?: string) {
  return findSessionAccountIn(await getDb(), userId, sid);
}

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
  const { phone, totpEnabledAt, ...rest } = row;
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
  return row?.passwordHash ? { ...row, passwordHash: row.passwordHash } : null;
}

export interface Actor {
  ip: string | null;
  /** Who did it: the account itself, an admin, or "cli:…" for the command line. */
  actorId: number | null;
  actorLabel: string;
}

/** A new password ends every session of the account at once (session version + 1). */
export async function setPasswordIn(
  db: Database,
  input: { userId: number; passwordHash: string; now: Date; actor: Actor },
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
    await writeAudit(tx, {
      action: "auth.password.change",
      ...input.actor,
      targetType: "user",
      targetId: String(input.userId),
    });
  });
}

/** "退出所有设备": every session of the account, this one included, ends now. */
export async function endAllSessionsIn(
  db: Database,
  input: { userId: number; now: Date; actor: Actor },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: input.now })
      .where(eq(users.id, input.userId));
    await writeAudit(tx, {
      action: "auth.logout_all",
      ...input.actor,
      targetType: "user",
      targetId: String(input.userId),
    });
  });
}

/**
 * "退出": the session (when named) is ended for good on the server, so a copy of its
 * cookie is refused too; rows of sessions past their absolute end are swept.
 */
export async function recordLogoutIn(
  db: Database,
  input: {
    userId: number;
    actor: Actor;
    session?: { sid: string; expiresAt: Date };
    now?: Date;
  },
) {
  const now = input.now ?? new Date();
  await db.transaction(async (tx) => {
    if (input.session) {
      await tx
        .insert(endedSessions)
        .values({
          sid: input.session.sid,
          userId: input.userId,
          endedAt: now,
          expiresAt: input.session.expiresAt,
        })
        .onConflictDoNothing();
      await tx.delete(endedSessions).where(lt(endedSessions.expiresAt, now));
    }
    await writeAudit(tx, {
      action: "auth.logout",
      ...input.actor,
      targetType: "user",
      targetId: String(input.userId),
    });
  });
}

/**
 * Turns TOTP on with a confirmed secret and a fresh set of hashed recovery codes (the
 * old ones stop working). `step` is the step of the code that confirmed it.
 */
export async function enableTotpIn(
  db: Database,
  input: {
    userId: number;
    secret: string;
    step: number;
    recoveryCodeHashes: string[];
    now: Date;
    actor: Actor;
    reenrol: boolean;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: input.secret, totpEnabledAt: input.now, updatedAt: input.now })
      .where(eq(users.id, input.userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, input.userId));
    await tx
      .insert(recoveryCodes)
      .values(input.recoveryCodeHashes.map((codeHash) => ({ userId: input.userId, codeHash })));
    await writeAudit(tx, {
      action: "auth.totp.enrol",
      ...input.actor,
      targetType: "user",
      targetId: String(input.userId),
      details: { totpStep: input.step, reenrol: input.reenrol },
    });
  });
}

/** Whether `secret` is the account's TOTP secret in force (an enrolment just confirmed). */
export async function isTotpSecretInForceIn(
  db: Executor,
  userId: number,
  secret: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        eq(users.totpSecret, secret),
        sql`${users.totpEnabledAt} is not null`,
      ),
    )
    .limit(1);
  return Boolean(row);
}

export async function isTotpSecretInForce(userId: number, secret: string) {
  return isTotpSecretInForceIn(await getDb(), userId, secret);
}

/** A member turns the second factor off (staff cannot: the caller checks the role). */
export async function disableTotpIn(
  db: Database,
  input: { userId: number; now: Date; actor: Actor },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, updatedAt: input.now })
      .where(eq(users.id, input.userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, input.userId));
    await writeAudit(tx, {
      action: "auth.totp.disable",
      ...input.actor,
      targetType: "user",
      targetId: String(input.userId),
    });
  });
}

// ---------------------------------------------------------------------------------------
// Accounts and invitations (the admin command; the staff console later)

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface NewAccount {
  username: string;
  displayName: string;
  role: UserRole;
  phone: string | null;
  sectorSlug?: string | null;
  organisationSlug?: string | null;
}

export class AccountError extends Error {
  constructor(
    readonly code:
      | "username_taken"
      | "phone_taken"
      | "unknown_user"
      | "unknown_sector"
      | "unknown_organisation",
  ) {
    super(code);
    this.name = "AccountError";
  }
}

/**
 * Creates an invited account (no password yet) and its first invitation. `tokenHash` is
 * the SHA-256 of the link's token: the token itself is never stored.
 */
export async function createInvitedAccountIn(
  db: Database,
  input: { account: NewAccount; tokenHash: string; now: Date; actor: Actor },
): Promise<{ userId: number; expiresAt: Date }> {
  return db.transaction(async (tx) => {
    const { account } = input;
    const [taken] = await tx
      .select({ username: users.username, phone: users.phone })
      .from(users)
      .where(
        account.phone
          ? sql`lower(${users.username}) = lower(${account.username}) or ${users.phone} = ${account.phone}`
          : sql`lower(${users.username}) = lower(${account.username})`,
      )
      .limit(1);
    if (taken) {
      throw new AccountError(
        taken.username.toLowerCase() === account.username.toLowerCase()
          ? "username_taken"
          : "phone_taken",
      );
    }
    const sectorId = await idForSlug(tx, "sector", account.sectorSlug);
    const organisationId = await idForSlug(tx, "organisation", account.organisationSlug);
    const [user] = await tx
      .insert(users)
      .values({
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        phone: account.phone,
        status: "invited",
        sectorId,
        organisationId,
      })
      .returning({ id: users.id });
    if (!user) throw new Error("insert into users returned nothing");
    const expiresAt = await insertInvitation(tx, user.id, input);
    return { userId: user.id, expiresAt };
  });
}

/** A new link for an existing account (lost link, or a password reset by an admin). */
export async function reissueInvitationIn(
  db: Database,
  input: { username: string; tokenHash: string; now: Date; actor: Actor },
): Promise<{ userId: number; expiresAt: Date }> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = lower(${input.username})`)
      .limit(1);
    if (!user) throw new AccountError("unknown_user");
    // Only the newest link works.
    await tx
      .update(invitations)
      .set({ expiresAt: input.now })
      .where(and(eq(invitations.userId, user.id), isNull(invitations.usedAt)));
    const expiresAt = await insertInvitation(tx, user.id, input);
    return { userId: user.id, expiresAt };
  });
}

async function insertInvitation(
  tx: Transaction,
  userId: number,
  input: { tokenHash: string; now: Date; actor: Actor },
): Promise<Date> {
  const expiresAt = new Date(input.now.getTime() + INVITATION_LIFETIME_MS);
  await tx.insert(invitations).values({
    userId,
    tokenHash: input.tokenHash,
    expiresAt,
    createdById: input.actor.actorId,
    createdAt: input.now,
  });
  await writeAudit(tx, {
    action: "auth.invite.create",
    ...input.actor,
    targetType: "user",
    targetId: String(userId),
    details: { expiresAt: expiresAt.toISOString() },
  });
  return expiresAt;
}

async function idForSlug(
  tx: Transaction,
  kind: "sector" | "organisation",
  slug: string | null | undefined,
): Promise<number | null> {
  if (!slug) return null;
  const table = kind === "sector" ? sectors : organisations;
  const [row] = await tx.select({ id: table.id }).from(table).where(eq(table.slug, slug)).limit(1);
  if (!row) throw new AccountError(kind === "sector" ? "unknown_sector" : "unknown_organisation");
  return row.id;
}

export interface InvitationView {
  invitationId: number;
  userId: number;
  username: string;
  displayName: string;
  phone: string | null;
  expiresAt: Date;
}

/** A usable invitation (unused, unexpired, account not disabled) for this token hash. */
export async function findUsableInvitationIn(
  db: Executor,
  tokenHash: string,
  now: Date,
): Promise<InvitationView | null> {
  const [row] = await db
    .select({
      invitationId: invitations.id,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      phone: users.phone,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(
      and(
        eq(invitations.tokenHash, tokenHash),
        isNull(invitations.usedAt),
        gt(invitations.expiresAt, now),
        sql`${users.status} <> 'disabled'`,
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function findUsableInvitation(tokenHash: string, now: Date) {
  return findUsableInvitationIn(await getDb(), tokenHash, now);
}

/**
 * Uses the invitation once: sets the password, activates the account, ends any session
 * it had. False when the link was used, expired or the account disabled meanwhile.
 */
export async function acceptInvitationIn(
  db: Database,
  input: { tokenHash: string; passwordHash: string; now: Date; ip: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .select({ id: invitations.id, userId: invitations.userId })
      .from(invitations)
      .where(
        and(
          eq(invitations.tokenHash, input.tokenHash),
          isNull(invitations.usedAt),
          gt(invitations.expiresAt, input.now),
        ),
      )
      .for("update");
    if (!invitation) return false;
    const [user] = await tx
      .update(users)
      .set({
        passwordHash: input.passwordHash,
        status: "active",
        passwordChangedAt: input.now,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        failedLoginCount: 0,
        lockedUntil: null,
        updatedAt: input.now,
      })
      .where(and(eq(users.id, invitation.userId), sql`${users.status} <> 'disabled'`))
      .returning({ id: users.id, username: users.username });
    if (!user) return false;
    await tx
      .update(invitations)
      .set({ usedAt: input.now })
      .where(and(eq(invitations.userId, user.id), isNull(invitations.usedAt)));
    await writeAudit(tx, {
      action: "auth.invite.accept",
      actorId: user.id,
      actorLabel: user.username,
      ip: input.ip,
      targetType: "user",
      targetId: String(user.id),
    });
    return true;
  });
}

export async function acceptInvitation(input: Parameters<typeof acceptInvitationIn>[1]) {
  return acceptInvitationIn(await getDb(), input);
}

/**
 * Disables an account (every open session fails on its next request) or enables it again
 * (active when it has a password, else back to invited).
 */
export async function setAccountEnabledIn(
  db: Database,
  input: { username: string; enabled: boolean; now: Date; actor: Actor },
): Promise<{ userId: number; status: UserStatus }> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set(
        input.enabled
          ? {
              status: sql`case when ${users.passwordHash} is null then 'invited' else 'active' end`,
              failedLoginCount: 0,
              lockedUntil: null,
              updatedAt: input.now,
            }
          : {
              status: "disabled",
              sessionVersion: sql`${users.sessionVersion} + 1`,
              updatedAt: input.now,
            },
      )
      .where(sql`lower(${users.username}) = lower(${input.username})`)
      .returning({ id: users.id, status: users.status });
    if (!user) throw new AccountError("unknown_user");
    await writeAudit(tx, {
      action: input.enabled ? "auth.user.enable" : "auth.user.disable",
      ...input.actor,
      targetType: "user",
      targetId: String(user.id),
    });
    return { userId: user.id, status: user.status };
  });
}
