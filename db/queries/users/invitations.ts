import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Database } from "../../client";
import { openOptional } from "../../encryption/fields";
import { getDb } from "../../runtime";
import { invitations, users } from "../../schema";
import { writeAudit } from "../audit/write";
import { auditAccountChange } from "./audit";
import type { AuditActor, Executor, Transaction } from "./types";

/**
 * One-time invitation links: issued with a new account (accounts.ts) or again for an
 * existing one, looked up by the SHA-256 of the link's token (the token itself is never
 * stored), and used once to set the first password.
 */

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** Stores a link for `userId` and audits it; the caller's transaction. */
export async function insertInvitation(
  tx: Transaction,
  userId: number,
  input: { tokenHash: string; now: Date; actor: AuditActor },
): Promise<Date> {
  const expiresAt = new Date(input.now.getTime() + INVITATION_LIFETIME_MS);
  await tx.insert(invitations).values({
    userId,
    tokenHash: input.tokenHash,
    expiresAt,
    createdById: input.actor.actorId,
    createdAt: input.now,
  });
  await auditAccountChange(
    tx,
    "auth.invite.create",
    { userId, actor: input.actor },
    { expiresAt: expiresAt.toISOString() },
  );
  return expiresAt;
}

/** A new link for an existing account (lost link, or a password reset by an admin). */
export async function reissueInvitationIn(
  db: Database,
  input: { username: string; tokenHash: string; now: Date; actor: AuditActor },
): Promise<{ userId: number; expiresAt: Date }> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = lower(${input.username})`)
      .limit(1);
    if (!user) throw new AppError("unknown_user");
    // Only the newest link works.
    await tx
      .update(invitations)
      .set({ expiresAt: input.now })
      .where(and(eq(invitations.userId, user.id), isNull(invitations.usedAt)));
    const expiresAt = await insertInvitation(tx, user.id, input);
    return { userId: user.id, expiresAt };
  });
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
  return row ? { ...row, phone: openOptional("users.phone", row.phone) } : null;
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
