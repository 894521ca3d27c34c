import "server-only";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import type { BulkNoteAction } from "@/lib/moderation";
import { actionNeedsReason, type NoteAction } from "@/lib/notes/workflow";
import { can, noteTarget } from "@/lib/permissions";
import { cacheTags } from "../../cache";
import type { Database } from "../../client";
import { fieldNotes, noteComments } from "../../schema";
import { writeAudit } from "../audit/write";
import { authorNewsOfMove, notifyNoteAuthor } from "../notifications/notes";
import { refreshPublicPages } from "../shared/write";
import { withDb } from "../with-db";
import {
  bumpNote,
  cleanReason,
  decide,
  loadNoteFor,
  type NoteMoveResult,
  recordMove,
} from "./move-steps";
import { noteTargetColumns } from "./scope";
import { recordAnswerIn, recordSatisfactionIn, transferNoteIn } from "./transfers";

export type { NoteMoveResult, Satisfaction } from "./move-steps";

/**
 * Moves of a note through the pipeline, by staff: return, accept, reject, close (one note
 * or many), and internal comments. Each runs in ONE transaction (see ./move-steps.ts);
 * transfers and answers are in ./transfers.ts.
 *
 * `…In(db, …)` take the database (integration tests); the plain names use the server's.
 */

export async function applyNoteActionIn(
  db: Database,
  actor: Actor,
  input: { noteId: number; expectedVersion: number; action: NoteAction; reason?: string | null },
): Promise<NoteMoveResult> {
  if (input.action === "transfer" || input.action === "answer" || input.action === "submit") {
    // Transfers and answers carry departments and texts: they have their own functions.
    throw new AppError("forbidden");
  }
  const reason = cleanReason(input.reason);
  return db.transaction(async (tx) => {
    const note = await loadNoteFor(tx, actor, input.noteId, input.expectedVersion, input.action);
    const to = decide(actor, note, input.action, reason);
    const { version } = await bumpNote(tx, note, to);
    await recordMove(tx, actor, {
      noteId: note.id,
      from: note.status,
      to,
      action: input.action,
      reason,
    });
    // The author hears of it in the same transaction: no move without its notification.
    const news = authorNewsOfMove(input.action, reason);
    if (news) await notifyNoteAuthor(tx, note.id, `${note.id}:v${version}`, news);
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
  actor: Actor,
  input: {
    notes: { noteId: number; version: number }[];
    action: BulkNoteAction;
    reason?: string | null;
  },
): Promise<BulkResult> {
  const result: BulkResult = { done: [], conflicts: [], refused: [] };
  // The reason rule is the same for every note: refuse the whole batch up front.
  if (actionNeedsReason(input.action) && !cleanReason(input.reason)) {
    throw new AppError("reason_required", "reason");
  }
  for (const { noteId, version } of input.notes) {
    try {
      await applyNoteActionIn(db, actor, {
        noteId,
        expectedVersion: version,
        action: input.action,
        reason: input.reason,
      });
      result.done.push(noteId);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === "conflict" || error.code === "not_allowed_from_status") {
        result.conflicts.push(noteId);
      } else {
        result.refused.push(noteId);
      }
    }
  }
  return result;
}

/** An internal remark on a note: staff only, never shown to the member. */
export async function addNoteCommentIn(
  db: Database,
  actor: Actor,
  input: { noteId: number; body: string },
): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select(noteTargetColumns)
      .from(fieldNotes)
      .where(eq(fieldNotes.id, input.noteId));
    if (!row || !can(actor.user, "note.view", noteTarget(row))) {
      throw new AppError("not_found");
    }
    if (!can(actor.user, "note.comment", noteTarget(row))) throw new AppError("forbidden");
    const [comment] = await tx
      .insert(noteComments)
      .values({ noteId: input.noteId, authorId: actor.user.id, body: input.body.trim() })
      .returning({ id: noteComments.id });
    if (!comment) throw new Error("comment insert returned no row");
    await writeAudit(tx, {
      action: "note.comment",
      actorId: actor.user.id,
      actorLabel: actor.user.username,
      ip: actor.ip,
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
