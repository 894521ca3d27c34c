import "server-only";
import { and, asc, count, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import { openOptional } from "@/db/encryption/fields";
import { maskPhone } from "@/lib/attendance";
import type { UserRole } from "@/lib/vocabulary";
import type { Database } from "../../client";
import { getDb } from "../../runtime";
import { organisations, sectors, users } from "../../schema";
import type { Executor, UserStatus } from "./types";

/**
 * Accounts as the admin console reads them: the list, one account to edit, and the
 * choices of its form. The writes are in staff-write.ts.
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

export async function listUsersIn(
  db: Database,
  options: { role: UserRole | null; status: UserStatus | null; q: string; page: number },
): Promise<{ rows: AdminUserRow[]; total: number }> {
  const q = options.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
  // Not by phone: the list filter is a GET form, and a phone in its address would reach
  // proxy and access logs (phones stay out of every log, docs/security.md).
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
      phoneMasked: maskedUserPhone(phone),
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
    phoneMasked: maskedUserPhone(phone),
    totpEnabled: totpEnabledAt !== null,
  };
}

/** The stored (encrypted) phone of an account, masked for a staff list. */
function maskedUserPhone(stored: string | null): string | null {
  const phone = openOptional("users.phone", stored);
  return phone ? maskPhone(phone) : null;
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
