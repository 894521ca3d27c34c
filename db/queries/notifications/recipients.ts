import "server-only";
import { and, eq, inArray, or, sql } from "drizzle-orm";
import { DEFAULT_TIME_ZONE } from "@/lib/time";
import { committeeSettings, fieldNotes, users } from "../../schema";
import type { Executor } from "./executor";

/**
 * Who is told of a change, as the permission rules (lib/permissions.ts) define them, and
 * the committee's own name for what it tells the public. Only active accounts are told.
 */

/** The committee's short name ("某某区政协") and time zone: the voice and clock of notifications. */
export async function committeeVoice(tx: Executor): Promise<{ office: string; timeZone: string }> {
  const [row] = await tx
    .select({ shortName: committeeSettings.shortName, timeZone: committeeSettings.timeZone })
    .from(committeeSettings)
    .limit(1);
  return { office: row?.shortName ?? "政协", timeZone: row?.timeZone ?? DEFAULT_TIME_ZONE };
}

/**
 * The staff whose scope holds a note: every active admin, and the active editors of its
 * sector or of a liaison office of its town (the same rule as `can(user, "note.review")`
 * and staffNoteScope in db/queries/pipeline/scope.ts).
 */
export async function staffForNote(tx: Executor, noteId: number): Promise<number[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(fieldNotes, eq(fieldNotes.id, noteId))
    .where(
      and(
        eq(users.status, "active"),
        or(
          eq(users.role, "admin"),
          and(
            eq(users.role, "editor"),
            or(
              and(sql`${fieldNotes.sectorId} is not null`, eq(users.sectorId, fieldNotes.sectorId)),
              sql`exists (select 1 from organisations o where o.id = ${users.organisationId}
                    and o.kind = 'liaison_office' and o.town_id = ${fieldNotes.townId})`,
            ),
          ),
        ),
      ),
    )
    .orderBy(users.id);
  return rows.map((r) => r.id);
}

/** The active administrators (those who moderate opinions). */
export async function activeAdmins(tx: Executor): Promise<number[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.status, "active")))
    .orderBy(users.id);
  return rows.map((r) => r.id);
}

/** The active members of these sectors: who may attend a sector's event. */
export async function membersOfSectors(
  tx: Executor,
  sectorIds: readonly number[],
): Promise<{ id: number; sectorId: number }[]> {
  if (sectorIds.length === 0) return [];
  const rows = await tx
    .select({ id: users.id, sectorId: users.sectorId })
    .from(users)
    .where(
      and(
        eq(users.role, "member"),
        eq(users.status, "active"),
        inArray(users.sectorId, [...sectorIds]),
      ),
    )
    .orderBy(users.id);
  return rows.flatMap((r) => (r.sectorId === null ? [] : [{ id: r.id, sectorId: r.sectorId }]));
}
