import "server-only";
import { eq, lt, sql } from "drizzle-orm";
import type { UserRole } from "@/lib/vocabulary";
import type { Database } from "../../client";
import { getDb } from "../../runtime";
import { endedSessions, users } from "../../schema";
import { auditAccountChange } from "./audit";
import type { AuditActor, Executor, UserStatus } from "./types";

/**
 * Sessions: the one read per request that checks a session is still what its cookie says,
 * "退出" (this session) and "退出所有设备" (every session: session version + 1).
 */

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

/** "退出所有设备": every session of the account, this one included, ends now. */
export async function endAllSessionsIn(
  db: Database,
  input: { userId: number; now: Date; actor: AuditActor },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: input.now })
      .where(eq(users.id, input.userId));
    await auditAccountChange(tx, "auth.logout_all", input);
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
    actor: AuditActor;
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
    await auditAccountChange(tx, "auth.logout", input);
  });
}
