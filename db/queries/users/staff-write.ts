import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import type { Database } from "../../client";
import { getDb } from "../../runtime";
import { organisations, recoveryCodes, sectors, users } from "../../schema";
import { auditStaffWrite, isUniqueViolation } from "../shared/write";
import { createInvitedAccountIn, setAccountEnabledIn } from "./accounts";
import { reissueInvitationIn } from "./invitations";
import { type NewUserInput, selectUserForEditIn, type UserInput } from "./staff";
import type { AuditActor, Executor, UserStatus } from "./types";

/**
 * Accounts as the security administrator changes them in the console (`user.manage`: nobody
 * else, lib/permissions.ts). Creating an account and issuing its invitation, disabling and
 * enabling reuse accounts.ts and invitations.ts (what the admin command uses); this module
 * adds the edit of role and scope and resetting the second factor, and audits each as the
 * staff member who did it. Every change that alters what an account may do ends its
 * sessions (session version + 1). Refusals are `AppError`s.
 *
 * Separation of duties: the console acts on other people's accounts only. Nobody changes
 * their own role (so no one gives themselves another administrator's powers), disables
 * themselves, or resets their own second factor or password by a new invitation link
 * (their own goes through 账号与安全, which asks for the password and a current code).
 */

function assertAdmin(actor: Actor) {
  if (!can(actor.user, "user.manage")) throw new AppError("forbidden");
}

function assertNotSelf(actor: Actor, id: number) {
  if (id === actor.user.id) throw new AppError("invalid_state");
}

/** The audit log's "who" for the account writes shared with the admin command. */
const auditActor = (actor: Actor): AuditActor => ({
  ip: actor.ip,
  actorId: actor.user.id,
  actorLabel: actor.user.username,
});

async function slugOf(
  db: Executor,
  kind: "sector" | "organisation",
  id: number | null,
): Promise<string | null> {
  if (id === null) return null;
  const table = kind === "sector" ? sectors : organisations;
  const [row] = await db.select({ slug: table.slug }).from(table).where(eq(table.id, id));
  if (!row) throw new AppError("not_found", kind === "sector" ? "sectorId" : "organisationId");
  return row.slug;
}

/**
 * Creates an invited account and its one-time link (accounts.ts does both and
 * audits `auth.invite.create`); `user.create` is audited here with the role and scope.
 */
export async function createUserIn(
  db: Database,
  actor: Actor,
  input: NewUserInput,
  tokenHash: string,
  now = new Date(),
): Promise<{ userId: number; expiresAt: Date }> {
  assertAdmin(actor);
  const [sectorSlug, organisationSlug] = await Promise.all([
    slugOf(db, "sector", input.sectorId),
    slugOf(db, "organisation", input.organisationId),
  ]);
  let created: { userId: number; expiresAt: Date };
  try {
    created = await createInvitedAccountIn(db, {
      account: {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        phone: input.phone,
        sectorSlug,
        organisationSlug,
      },
      tokenHash,
      now,
      actor: auditActor(actor),
    });
  } catch (error) {
    // Another admin took the name or phone between the check and the insert.
    if (isUniqueViolation(error, "users_username_unique"))
      throw new AppError("username_taken", "username");
    if (isUniqueViolation(error, "users_phone_hash_unique"))
      throw new AppError("phone_taken", "phone");
    throw error;
  }
  await auditStaffWrite(db, actor, {
    action: "user.create",
    targetType: "user",
    targetId: String(created.userId),
    details: {
      username: input.username,
      role: input.role,
      sectorId: input.sectorId,
      organisationId: input.organisationId,
    },
  });
  return created;
}

/** A fresh link for an account (the old ones stop working). */
export async function reinviteUserIn(
  db: Database,
  actor: Actor,
  id: number,
  tokenHash: string,
  now = new Date(),
): Promise<{ expiresAt: Date }> {
  assertAdmin(actor);
  assertNotSelf(actor, id);
  const user = await selectUserForEditIn(db, id);
  if (!user) throw new AppError("not_found");
  if (user.status === "disabled") throw new AppError("invalid_state");
  const { expiresAt } = await reissueInvitationIn(db, {
    username: user.username,
    tokenHash,
    now,
    actor: auditActor(actor),
  });
  return { expiresAt };
}

/**
 * Changes name, role and scope. A change of role or scope ends the account's sessions, so
 * the new rights apply from its next login. Nobody changes their own role.
 */
export async function updateUserIn(
  db: Database,
  actor: Actor,
  id: number,
  input: UserInput,
): Promise<void> {
  assertAdmin(actor);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        role: users.role,
        sectorId: users.sectorId,
        organisationId: users.organisationId,
        displayName: users.displayName,
      })
      .from(users)
      .where(eq(users.id, id))
      .for("update");
    if (!before) throw new AppError("not_found");
    if (id === actor.user.id && input.role !== before.role)
      throw new AppError("invalid_state", "role");
    await Promise.all([
      slugOf(tx, "sector", input.sectorId),
      slugOf(tx, "organisation", input.organisationId),
    ]);
    const rightsChanged =
      before.role !== input.role ||
      before.sectorId !== input.sectorId ||
      before.organisationId !== input.organisationId;
    await tx
      .update(users)
      .set({
        displayName: input.displayName,
        role: input.role,
        sectorId: input.sectorId,
        organisationId: input.organisationId,
        updatedAt: new Date(),
        ...(rightsChanged ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
      })
      .where(eq(users.id, id));
    const changed = Object.fromEntries(
      (["displayName", "role", "sectorId", "organisationId"] as const)
        .filter((k) => before[k] !== input[k])
        .map((k) => [k, { from: before[k], to: input[k] }]),
    );
    await auditStaffWrite(tx, actor, {
      action: "user.update",
      targetType: "user",
      targetId: String(id),
      details: { changed, sessionsEnded: rightsChanged },
    });
  });
}

/** Disables (sessions end at once) or enables an account. Nobody disables themselves. */
export async function setUserEnabledIn(
  db: Database,
  actor: Actor,
  id: number,
  enabled: boolean,
  now = new Date(),
): Promise<{ status: UserStatus }> {
  assertAdmin(actor);
  if (!enabled) assertNotSelf(actor, id);
  const user = await selectUserForEditIn(db, id);
  if (!user) throw new AppError("not_found");
  const { status } = await setAccountEnabledIn(db, {
    username: user.username,
    enabled,
    now,
    actor: auditActor(actor),
  });
  return { status };
}

/**
 * Removes the second factor (lost phone): the secret and every recovery code go, and the
 * account's sessions end. Staff must enrol again at their next login. Not one's own.
 */
export async function resetTotpIn(
  db: Database,
  actor: Actor,
  id: number,
  now = new Date(),
): Promise<void> {
  assertAdmin(actor);
  assertNotSelf(actor, id);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({
        totpSecret: null,
        totpEnabledAt: null,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: now,
      })
      .where(eq(users.id, id))
      .returning({ id: users.id });
    if (!row) throw new AppError("not_found");
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, id));
    await auditStaffWrite(tx, actor, {
      action: "user.totp_reset",
      targetType: "user",
      targetId: String(id),
    });
  });
}

// ---------------------------------------------------------------------------------------
// On the server's database

export async function createUser(actor: Actor, input: NewUserInput, tokenHash: string) {
  return createUserIn(await getDb(), actor, input, tokenHash);
}

export async function reinviteUser(actor: Actor, id: number, tokenHash: string) {
  return reinviteUserIn(await getDb(), actor, id, tokenHash);
}

export async function updateUser(actor: Actor, id: number, input: UserInput) {
  return updateUserIn(await getDb(), actor, id, input);
}

export async function setUserEnabled(actor: Actor, id: number, enabled: boolean) {
  return setUserEnabledIn(await getDb(), actor, id, enabled);
}

export async function resetTotp(actor: Actor, id: number) {
  return resetTotpIn(await getDb(), actor, id);
}
