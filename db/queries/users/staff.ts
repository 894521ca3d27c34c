import "server-only";
import { and, asc, count, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import { maskPhone } from "@/lib/attendance";
import { can } from "@/lib/permissions";
import type { UserRole } from "@/lib/vocabulary";
import type { Database } from "../client";
import { getDb } from "../runtime";
import { organisations, recoveryCodes, sectors, users } from "../schema";
import {
  type Actor,
  auditStaffWrite,
  CmsError,
  type Executor,
  isUniqueViolation,
} from "./admin-content";
import {
  AccountError,
  createInvitedAccountIn,
  reissueInvitationIn,
  setAccountEnabledIn,
  type UserStatus,
} from "./users";

/**
 * Accounts as the admin console manages them. Creating an account and issuing its
 * invitation, disabling and enabling reuse db/queries/users.ts (the auth module's); this
 * module adds the list, the edit of role and scope, and resetting the second factor.
 * Every change that alters what an account may do ends its sessions (session version + 1).
 */

export const USERS_PAGE_SIZE = 30;

export interface AdminUserRow {
  id: number;
  username: string;
  displayName: string;
  role: UserRole;
  status: UserStatus;
  sectorName: string | null;
  organisationName: string | null;
  phoneMasked: string | null;
  totpEnabled: boolean;
  lastLoginAt: Date | null;
}

export interface UserForEdit {
  id: number;
  username: string;
  displayName: string;
  role: UserRole;
  status: UserStatus;
  phoneMasked: string | null;
  sectorId: number | null;
  organisationId: number | null;
  totpEnabled: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
}

export interface UserInput {
  displayName: string;
  role: UserRole;
  sectorId: number | null;
  organisationId: number | null;
}

export interface NewUserInput extends UserInput {
  username: string;
  phone: string | null;
}

function assertAdmin(actor: Actor) {
  if (!can(actor.user, "user.manage")) throw new CmsError("forbidden");
}

const legacyActor = (actor: Actor) => ({
  ip: actor.ip,
  actorId: actor.user.id,
  actorLabel: actor.user.username,
});

export async function listUsersIn(
  db: Database,
  options: { role: UserRole | null; status: UserStatus | null; q: string; page: number },
): Promise<{ rows: AdminUserRow[]; total: number }> {
  const q = options.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
  const where: SQL | undefined = and(
    options.role ? eq(users.role, options.role) : undefined,
    options.status ? eq(users.status, options.status) : undefined,
    q ? or(ilike(users.username, `%${q}%`), ilike(users.displayName, `%${q}%`)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        role: users.role,
        status: users.status,
        sectorName: sectors.name,
        organisationName: organisations.name,
        phone: users.phone,
        totpEnabledAt: users.totpEnabledAt,
        lastLoginAt: users.lastLoginAt,
      })
      .from(users)
      .leftJoin(sectors, eq(sectors.id, users.sectorId))
      .leftJoin(organisations, eq(organisations.id, users.organisationId))
      .where(where)
      .orderBy(
        sql`case ${users.role} when 'admin' then 0 when 'editor' then 1 else 2 end`,
        asc(users.username),
      )
      .limit(USERS_PAGE_SIZE)
      .offset((options.page - 1) * USERS_PAGE_SIZE),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return {
    rows: rows.map(({ phone, totpEnabledAt, ...r }) => ({
      ...r,
      phoneMasked: phone ? maskPhone(phone) : null,
      totpEnabled: totpEnabledAt !== null,
    })),
    total: total?.n ?? 0,
  };
}

export async function selectUserForEditIn(db: Executor, id: number): Promise<UserForEdit | null> {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      status: users.status,
      phone: users.phone,
      sectorId: users.sectorId,
      organisationId: users.organisationId,
      totpEnabledAt: users.totpEnabledAt,
      lastLoginAt: users.lastLoginAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, id));
  if (!row) return null;
  const { phone, totpEnabledAt, ...rest } = row;
  return {
    ...rest,
    phoneMasked: phone ? maskPhone(phone) : null,
    totpEnabled: totpEnabledAt !== null,
  };
}

export interface UserFormOptions {
  sectors: { id: number; name: string }[];
  organisations: { id: number; name: string }[];
}

export async function selectUserFormOptions(db: Database): Promise<UserFormOptions> {
  const [sectorRows, organisationRows] = await Promise.all([
    db
      .select({ id: sectors.id, name: sectors.name })
      .from(sectors)
      .orderBy(asc(sectors.sortOrder), asc(sectors.id)),
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.active, true))
      .orderBy(asc(organisations.kind), asc(organisations.sortOrder), asc(organisations.id)),
  ]);
  return { sectors: sectorRows, organisations: organisationRows };
}

async function slugOf(
  db: Executor,
  kind: "sector" | "organisation",
  id: number | null,
): Promise<string | null> {
  if (id === null) return null;
  const table = kind === "sector" ? sectors : organisations;
  const [row] = await db.select({ slug: table.slug }).from(table).where(eq(table.id, id));
  if (!row) throw new CmsError("not_found", kind === "sector" ? "sectorId" : "organisationId");
  return row.slug;
}

function fromAccountError(error: unknown): never {
  if (error instanceof AccountError) {
    if (error.code === "username_taken") throw new CmsError("username_taken", "username");
    if (error.code === "phone_taken") throw new CmsError("phone_taken", "phone");
    if (error.code === "unknown_sector") throw new CmsError("not_found", "sectorId");
    if (error.code === "unknown_organisation") throw new CmsError("not_found", "organisationId");
    throw new CmsError("not_found");
  }
  throw error;
}

/**
 * Creates an invited account and its one-time link (db/queries/users.ts does both and
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
      actor: legacyActor(actor),
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_username_unique"))
      throw new CmsError("username_taken", "username");
    if (isUniqueViolation(error, "users_phone_unique")) throw new CmsError("phone_taken", "phone");
    fromAccountError(error);
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
  const user = await selectUserForEditIn(db, id);
  if (!user) throw new CmsError("not_found");
  if (user.status === "disabled") throw new CmsError("invalid_state");
  try {
    const { expiresAt } = await reissueInvitationIn(db, {
      username: user.username,
      tokenHash,
      now,
      actor: legacyActor(actor),
    });
    return { expiresAt };
  } catch (error) {
    fromAccountError(error);
  }
}

/**
 * Changes name, role and scope. A change of role or scope ends the account's sessions, so
 * the new rights apply from its next login. An admin cannot change their own role.
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
    if (!before) throw new CmsError("not_found");
    if (id === actor.user.id && input.role !== before.role)
      throw new CmsError("invalid_state", "role");
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

/** Disables (sessions end at once) or enables an account. An admin cannot disable themselves. */
export async function setUserEnabledIn(
  db: Database,
  actor: Actor,
  id: number,
  enabled: boolean,
  now = new Date(),
): Promise<{ status: UserStatus }> {
  assertAdmin(actor);
  if (!enabled && id === actor.user.id) throw new CmsError("invalid_state");
  const user = await selectUserForEditIn(db, id);
  if (!user) throw new CmsError("not_found");
  try {
    const { status } = await setAccountEnabledIn(db, {
      username: user.username,
      enabled,
      now,
      actor: legacyActor(actor),
    });
    return { status };
  } catch (error) {
    fromAccountError(error);
  }
}

/**
 * Removes the second factor (lost phone): the secret and every recovery code go, and the
 * account's sessions end. Staff must enrol again at their next login.
 */
export async function resetTotpIn(
  db: Database,
  actor: Actor,
  id: number,
  now = new Date(),
): Promise<void> {
  assertAdmin(actor);
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
    if (!row) throw new CmsError("not_found");
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

export async function listUsers(options: Parameters<typeof listUsersIn>[1]) {
  return listUsersIn(await getDb(), options);
}

export async function getUserForEdit(id: number) {
  return selectUserForEditIn(await getDb(), id);
}

export async function getUserFormOptions() {
  return selectUserFormOptions(await getDb());
}

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
