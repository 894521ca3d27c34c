import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/types";
import { adminMessages } from "@/lib/messages/admin";
import { type BulkNoteAction, ModerationError, permissionForNoteAction } from "@/lib/moderation";
import {
  actionNeedsReason,
  type NoteAction,
  type NoteStatus,
  transition,
} from "@/lib/notes/workflow";
import { can, noteActorFor, noteTarget } from "@/lib/permissions";
import type { satisfactionLevels } from "@/lib/vocabulary";
import { cacheTags } from "../cache";
import type { Database } from "../client";
import { departments, fieldNotes, noteComments, noteTransfers, noteTransitions } from "../schema";
import { refreshPublicPages } from "./admin-content";
import { writeAudit } from "./audit";
import { noteTargetColumns } from "./moderation-scope";
import { withDb } from "./with-db";

/**
 * Moves of a note through the pipeline, by staff. Each runs in ONE transaction:
 * the state machine decides (lib/notes/workflow.ts), the permission module decides who
 * (lib/permissions.ts), the note's row is updated only if its version is still the one
 * the user saw (optimistic concurrency), and the timeline row and the audit entry are
 * written with it. A stale version means another member of staff acted first:
 * ModerationError("conflict").
 *
 * `…In(db, …)` take the database (integration tests); the plain names use the server's.
 */

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Executor = Database | Transaction;
export type Satisfaction = (typeof satisfactionLevels)[number];

export interface ActorContext {
  user: SessionUser;
  /** The client's IP, for the audit log. */
  ip: string;
}

export interface NoteMoveResult {
  noteId: number;
  from: NoteStatus;
  to: NoteStatus;
  version: number;
}

const m = adminMessages;

interface LockedNote {
  id: number;
  status: NoteStatus;
  version: number;
  target: ReturnType<typeof noteTarget>;
}

/** Reads the note and checks the user may do `action` to it and saw its current version. */
async function loadNoteFor(
  tx: Executor,
  ctx: ActorContext,
  noteId: number,
  expectedVersion: number,
  action: NoteAction,
): Promise<LockedNote> {
  const [row] = await tx
    .select({ id: fieldNotes.id, version: fieldNotes.version, ...noteTargetColumns })
    .from(fieldNotes)
    .where(eq(fieldNotes.id, noteId));
  if (!row) throw new ModerationError("not_found");
  const target = noteTarget(row);
  // Out of the user's sight: the same answer as a note that does not exist.
  if (!can(ctx.user, "note.view", target)) throw new ModerationError("not_found");
  if (!can(ctx.user, permissionForNoteAction(action), target)) {
    throw new ModerationError("forbidden");
  }
  if (row.version !== expectedVersion) throw new ModerationError("conflict");
  return { id: row.id, status: row.status, version: row.version, target };
}

/** Asks the state machine; returns where the move leads or throws the refusal. */
function decide(
  ctx: ActorContext,
  note: LockedNote,
  action: NoteAction,
  reason: string | null,
): NoteStatus {
  const actor = noteActorFor(ctx.user, note.target);
  if (!actor) throw new ModerationError("forbidden");
  const result = transition(note.status, action, actor, reason);
  if (result.ok) return result.to;
  if (result.code === "reason_required") throw new ModerationError("reason_required");
  if (result.code === "not_allowed_for_actor") throw new ModerationError("forbidden");
  throw new ModerationError("not_allowed_from_status");
}

/** The guarded write: 0 rows means someone else changed the note since it was read. */
async function bumpNote(
  tx: Transaction,
  note: LockedNote,
  to: NoteStatus,
): Promise<{ version: number }> {
  const [updated] = await tx
    .update(fieldNotes)
    .set({ status: to, version: sql`${fieldNotes.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(fieldNotes.id, note.id), eq(fieldNotes.version, note.version)))
    .returning({ version: fieldNotes.version });
  if (!updated) throw new ModerationError("conflict");
  return updated;
}

async function recordMove(
  tx: Transaction,
  ctx: ActorContext,
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
    actorId: ctx.user.id,
    reason: move.reason,
  });
  await writeAudit(tx, {
    action: `note.${move.action}`,
    actorId: ctx.user.id,
    actorLabel: ctx.user.username,
    ip: ctx.ip,
    targetType: "note",
    targetId: String(move.noteId),
    details: { from: move.from, to: move.to, ...move.details },
  });
}

const cleanReason = (reason: string | null | undefined) => {
  const trimmed = reason?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
};

/** Return, accept, reject or close one note. */
export async function applyNoteActionIn(
  db: Database,
  ctx: ActorContext,
  input: { noteId: number; expectedVersion: number; action: NoteAction; reason?: string | null },
): Promise<NoteMoveResult> {
  if (input.action === "transfer" || input.action === "answer" || input.action === "submit") {
    // Transfers and answers carry departments and texts: they have their own functions.
    throw new ModerationError("forbidden");
  }
  const reason = cleanReason(input.reason);
  return db.transaction(async (tx) => {
    const note = await loadNoteFor(tx, ctx, input.noteId, input.expectedVersion, input.action);
    const to = decide(ctx, note, input.action, reason);
    const { version } = await bumpNote(tx, note, to);
    await recordMove(tx, ctx, {
      noteId: note.id,
      from: note.status,
      to,
      action: input.action,
      reason,
    });
    return { noteId: note.id, from: note.status, to, version };
  });
}

export interface BulkResult {
  done: number[];
  /** Changed by someone else since the list was shown, or no longer in a status that allows it. */
  conflicts: number[];
  /** Out of the user's scope or not theirs to do. */
  refused: number[];
}

/**
 * One action on many notes. Each note is its own transaction: a note someone else
 * has just handled is left alone and reported, the others go through.
 */
export async function applyBulkActionIn(
  db: Database,
  ctx: ActorContext,
  input: {
    notes: { noteId: number; version: number }[];
    action: BulkNoteAction;
    reason?: string | null;
  },
): Promise<BulkResult> {
  const result: BulkResult = { done: [], conflicts: [], refused: [] };
  // The reason rule is the same for every note: refuse the whole batch up front.
  if (actionNeedsReason(input.action) && !cleanReason(input.reason)) {
    throw new ModerationError("reason_required");
  }
  for (const { noteId, version } of input.notes) {
    try {
      await applyNoteActionIn(db, ctx, {
        noteId,
        expectedVersion: version,
        action: input.action,
        reason: input.reason,
      });
      result.done.push(noteId);
    } catch (error) {
      if (!(error instanceof ModerationError)) throw error;
      if (error.code === "conflict" || error.code === "not_allowed_from_status") {
        result.conflicts.push(noteId);
      } else {
        result.refused.push(noteId);
      }
    }
  }
  return result;
}

/**
 * Transfers an accepted (or answered) note to one or more departments with a due date.
 * The timeline row names the departments and the date, for the member to read.
 */
export async function transferNoteIn(
  db: Database,
  ctx: ActorContext,
  input: {
    noteId: number;
    expectedVersion: number;
    departmentIds: number[];
    /** "YYYY-MM-DD", checked by the caller against today. */
    dueOn: string;
  },
): Promise<NoteMoveResult & { transferIds: number[] }> {
  const departmentIds = [...new Set(input.departmentIds)];
  if (departmentIds.length === 0) throw new ModerationError("no_departments");
  return db.transaction(async (tx) => {
    const note = await loadNoteFor(tx, ctx, input.noteId, input.expectedVersion, "transfer");
    const chosen = await tx
      .select({ id: departments.id, name: departments.name, sortOrder: departments.sortOrder })
      .from(departments)
      .where(and(inArray(departments.id, departmentIds), eq(departments.active, true)));
    if (chosen.length !== departmentIds.length) throw new ModerationError("unknown_department");
    chosen.sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);

    const to = decide(ctx, note, "transfer", null);
    const { version } = await bumpNote(tx, note, to);
    const rows = await tx
      .insert(noteTransfers)
      .values(
        chosen.map((d) => ({
          noteId: note.id,
          departmentId: d.id,
          dueOn: input.dueOn,
          createdById: ctx.user.id,
        })),
      )
      .returning({ id: noteTransfers.id });
    const names = chosen.map((d) => d.name).join(m.timeline.listSeparator);
    await recordMove(tx, ctx, {
      noteId: note.id,
      from: note.status,
      to,
      action: "transfer",
      reason: m.timeline.transfer(names, input.dueOn),
      details: { departmentIds: chosen.map((d) => d.id), dueOn: input.dueOn },
    });
    return { noteId: note.id, from: note.status, to, version, transferIds: rows.map((r) => r.id) };
  });
}

/**
 * Records one department's answer to a transfer (and, when known, the member's
 * satisfaction). The note becomes "answered" once every department it went to has
 * answered; until then it stays "transferred", and each answer is still on its timeline.
 */
export async function recordAnswerIn(
  db: Database,
  ctx: ActorContext,
  input: {
    transferId: number;
    expectedVersion: number;
    answer: string;
    satisfaction?: Satisfaction | null;
  },
): Promise<NoteMoveResult> {
  const answer = input.answer.trim();
  if (answer === "") throw new ModerationError("answer_required");
  return db.transaction(async (tx) => {
    const [transfer] = await tx
      .select({
        id: noteTransfers.id,
        noteId: noteTransfers.noteId,
        status: noteTransfers.status,
        departmentName: departments.name,
      })
      .from(noteTransfers)
      .innerJoin(departments, eq(departments.id, noteTransfers.departmentId))
      .where(eq(noteTransfers.id, input.transferId));
    if (!transfer) throw new ModerationError("not_found");
    const note = await loadNoteFor(tx, ctx, transfer.noteId, input.expectedVersion, "answer");
    if (transfer.status !== "pending") throw new ModerationError("transfer_not_pending");
    const answered = decide(ctx, note, "answer", null);

    const [updated] = await tx
      .update(noteTransfers)
      .set({
        status: "answered",
        answer,
        answeredAt: sql`now()`,
        satisfaction: input.satisfaction ?? null,
        updatedAt: sql`now()`,
      })
      .where(and(eq(noteTransfers.id, transfer.id), eq(noteTransfers.status, "pending")))
      .returning({ id: noteTransfers.id });
    if (!updated) throw new ModerationError("conflict");

    const [open] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(noteTransfers)
      .where(and(eq(noteTransfers.noteId, note.id), eq(noteTransfers.status, "pending")));
    const to = (open?.n ?? 0) === 0 ? answered : note.status;
    const { version } = await bumpNote(tx, note, to);
    await recordMove(tx, ctx, {
      noteId: note.id,
      from: note.status,
      to,
      action: "answer",
      reason: m.timeline.answer(transfer.departmentName, answer),
      details: { transferId: transfer.id, satisfaction: input.satisfaction ?? null },
    });
    return { noteId: note.id, from: note.status, to, version };
  });
}

/** The member's verdict on an answer, told to staff after the answer was recorded. */
export async function recordSatisfactionIn(
  db: Database,
  ctx: ActorContext,
  input: { transferId: number; satisfaction: Satisfaction },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [transfer] = await tx
      .select({ id: noteTransfers.id, noteId: noteTransfers.noteId, status: noteTransfers.status })
      .from(noteTransfers)
      .where(eq(noteTransfers.id, input.transferId));
    if (!transfer) throw new ModerationError("not_found");
    const [row] = await tx
      .select(noteTargetColumns)
      .from(fieldNotes)
      .where(eq(fieldNotes.id, transfer.noteId));
    if (!row || !can(ctx.user, "note.view", noteTarget(row))) {
      throw new ModerationError("not_found");
    }
    if (!can(ctx.user, "note.answer", noteTarget(row))) throw new ModerationError("forbidden");
    if (transfer.status !== "answered") throw new ModerationError("not_allowed_from_status");
    await tx
      .update(noteTransfers)
      .set({ satisfaction: input.satisfaction, updatedAt: sql`now()` })
      .where(eq(noteTransfers.id, transfer.id));
    await writeAudit(tx, {
      action: "note.satisfaction",
      actorId: ctx.user.id,
      actorLabel: ctx.user.username,
      ip: ctx.ip,
      targetType: "note",
      targetId: String(transfer.noteId),
      details: { transferId: transfer.id, satisfaction: input.satisfaction },
    });
  });
}

/** An internal remark on a note: staff only, never shown to the member. */
export async function addNoteCommentIn(
  db: Database,
  ctx: ActorContext,
  input: { noteId: number; body: string },
): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select(noteTargetColumns)
      .from(fieldNotes)
      .where(eq(fieldNotes.id, input.noteId));
    if (!row || !can(ctx.user, "note.view", noteTarget(row))) {
      throw new ModerationError("not_found");
    }
    if (!can(ctx.user, "note.comment", noteTarget(row))) throw new ModerationError("forbidden");
    const [comment] = await tx
      .insert(noteComments)
      .values({ noteId: input.noteId, authorId: ctx.user.id, body: input.body.trim() })
      .returning({ id: noteComments.id });
    if (!comment) throw new Error("comment insert returned no row");
    await writeAudit(tx, {
      action: "note.comment",
      actorId: ctx.user.id,
      actorLabel: ctx.user.username,
      ip: ctx.ip,
      targetType: "note",
      targetId: String(input.noteId),
      details: { commentId: comment.id },
    });
    return comment.id;
  });
}

// ---- the server's database --------------------------------------------------------

/**
 * A move that changes what the public figures count (/stats: notes by status, handling
 * rate and time) refreshes them at once instead of when their cache entry expires.
 */
function refreshingFigures<Args extends unknown[], Result>(
  move: (...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  return async (...args) => {
    const result = await move(...args);
    refreshPublicPages(cacheTags.stats);
    return result;
  };
}

export const applyNoteAction = refreshingFigures(withDb(applyNoteActionIn));
export const applyBulkAction = refreshingFigures(withDb(applyBulkActionIn));
export const transferNote = refreshingFigures(withDb(transferNoteIn));
export const recordAnswer = refreshingFigures(withDb(recordAnswerIn));
export const recordSatisfaction = refreshingFigures(withDb(recordSatisfactionIn));
export const addNoteComment = withDb(addNoteCommentIn);
