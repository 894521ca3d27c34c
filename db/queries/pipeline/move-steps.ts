import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { permissionForNoteAction } from "@/lib/moderation";
import { type NoteAction, type NoteStatus, transition } from "@/lib/notes/workflow";
import { can, noteActorFor, noteTarget } from "@/lib/permissions";
import type { satisfactionLevels } from "@/lib/vocabulary";
import { fieldNotes, noteTransitions } from "../../schema";
import { writeAudit } from "../audit/write";
import type { Executor, Transaction } from "../shared/write";
import { noteTargetColumns } from "./scope";

/**
 * The steps every staff move of a note is made of, inside its one transaction: read the
 * note and check the user may do the move and saw its current version; ask the state
 * machine (lib/notes/workflow.ts); update the row only if its version is unchanged
 * (optimistic concurrency: otherwise AppError("conflict")); write the timeline row and the
 * audit entry.
 */

export type Satisfaction = (typeof satisfactionLevels)[number];

export interface NoteMoveResult {
  noteId: number;
  from: NoteStatus;
  to: NoteStatus;
  version: number;
}

export interface LockedNote {
  id: number;
  status: NoteStatus;
  version: number;
  target: ReturnType<typeof noteTarget>;
}

/** Reads the note and checks the user may do `action` to it and saw its current version. */
export async function loadNoteFor(
  tx: Executor,
  actor: Actor,
  noteId: number,
  expectedVersion: number,
  action: NoteAction,
): Promise<LockedNote> {
  const [row] = await tx
    .select({ id: fieldNotes.id, version: fieldNotes.version, ...noteTargetColumns })
    .from(fieldNotes)
    .where(eq(fieldNotes.id, noteId));
  if (!row) throw new AppError("not_found");
  const target = noteTarget(row);
  // Out of the user's sight: the same answer as a note that does not exist.
  if (!can(actor.user, "note.view", target)) throw new AppError("not_found");
  if (!can(actor.user, permissionForNoteAction(action), target)) {
    throw new AppError("forbidden");
  }
  if (row.version !== expectedVersion) throw new AppError("conflict");
  return { id: row.id, status: row.status, version: row.version, target };
}

/** Asks the state machine; returns where the move leads or throws the refusal. */
export function decide(
  actor: Actor,
  note: LockedNote,
  action: NoteAction,
  reason: string | null,
): NoteStatus {
  const role = noteActorFor(actor.user, note.target);
  if (!role) throw new AppError("forbidden");
  const result = transition(note.status, action, role, reason);
  if (result.ok) return result.to;
  if (result.code === "reason_required") throw new AppError("reason_required", "reason");
  if (result.code === "not_allowed_for_actor") throw new AppError("forbidden");
  throw new AppError("not_allowed_from_status");
}

/** The guarded write: 0 rows means someone else changed the note since it was read. */
export async function bumpNote(
  tx: Transaction,
  note: LockedNote,
  to: NoteStatus,
): Promise<{ version: number }> {
  const [updated] = await tx
    .update(fieldNotes)
    .set({ status: to, version: sql`${fieldNotes.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(fieldNotes.id, note.id), eq(fieldNotes.version, note.version)))
    .returning({ version: fieldNotes.version });
  if (!updated) throw new AppError("conflict");
  return updated;
}

export async function recordMove(
  tx: Transaction,
  actor: Actor,
  move: {
    noteId: number;
    from: NoteStatus;
    to: NoteStatus;
    action: NoteAction;
    reason: string | null;
    details?: Record<string, unknown>;
  },
) {
  await tx.insert(noteTransitions).values({
    noteId: move.noteId,
    fromStatus: move.from,
    toStatus: move.to,
    action: move.action,
    actorId: actor.user.id,
    reason: move.reason,
  });
  await writeAudit(tx, {
    action: `note.${move.action}`,
    actorId: actor.user.id,
    actorLabel: actor.user.username,
    ip: actor.ip,
    targetType: "note",
    targetId: String(move.noteId),
    details: { from: move.from, to: move.to, ...move.details },
  });
}

export const cleanReason = (reason: string | null | undefined) => {
  const trimmed = reason?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
};
