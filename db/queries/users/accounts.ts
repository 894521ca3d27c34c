import "server-only";
import { eq, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Database } from "../../client";
import { sealPhone } from "../../encryption/fields";
import { organisations, sectors, users } from "../../schema";
import { auditAccountChange } from "./audit";
import { insertInvitation } from "./invitations";
import type { AuditActor, NewAccount, Transaction, UserStatus } from "./types";

/**
 * Creating, disabling and enabling accounts: the admin command (scripts/user-invite.ts)
 * calls these directly, the staff console through staff-write.ts. Refusals are
 * `AppError`s: username_taken, phone_taken (with the field), unknown_user,
 * unknown_sector, unknown_organisation.
 */

/**
 * Creates an invited account (no password yet) and its first invitation. `tokenHash` is
 * the SHA-256 of the link's token: the token itself is never stored.
 */
export async function createInvitedAccountIn(
  db: Database,
  input: { account: NewAccount; tokenHash: string; now: Date; actor: AuditActor },
): Promise<{ userId: number; expiresAt: Date }> {
  return db.transaction(async (tx) => {
    const { account } = input;
    // The phone is stored encrypted; equality goes through its blind index.
    const sealed = account.phone ? sealPhone("users.phone", account.phone) : null;
    const [taken] = await tx
      .select({ username: users.username })
      .from(users)
      .where(
        sealed
          ? sql`lower(${users.username}) = lower(${account.username}) or ${users.phoneHash} = ${sealed.phoneHash}`
          : sql`lower(${users.username}) = lower(${account.username})`,
      )
      .limit(1);
    if (taken) {
      throw taken.username.toLowerCase() === account.username.toLowerCase()
        ? new AppError("username_taken", "username")
        : new AppError("phone_taken", "phone");
    }
    const sectorId = await idForSlug(tx, "sector", account.sectorSlug);
    const organisationId = await idForSlug(tx, "organisation", account.organisationSlug);
    const [user] = await tx
      .insert(users)
      .values({
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        phone: sealed?.phone ?? null,
        phoneHash: sealed?.phoneHash ?? null,
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

async function idForSlug(
  tx: Transaction,
  kind: "sector" | "organisation",
  slug: string | null | undefined,
): Promise<number | null> {
  if (!slug) return null;
  const table = kind === "sector" ? sectors : organisations;
  const [row] = await tx.select({ id: table.id }).from(table).where(eq(table.slug, slug)).limit(1);
  if (!row) {
    throw kind === "sector"
      ? new AppError("unknown_sector", "sectorId")
      : new AppError("unknown_organisation", "organisationId");
  }
  return row.id;
}

/**
 * Disables an account (every open session fails on its next request) or enables it again
 * (active when it has a password, else back to invited).
 */
export async function setAccountEnabledIn(
  db: Database,
  input: { username: string; enabled: boolean; now: Date; actor: AuditActor },
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
    if (!user) throw new AppError("unknown_user");
    await auditAccountChange(tx, input.enabled ? "auth.user.enable" : "auth.user.disable", {
      userId: user.id,
      actor: input.actor,
    });
    return { userId: user.id, status: user.status };
  });
}
