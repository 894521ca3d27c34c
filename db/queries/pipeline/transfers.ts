import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { pipelineNoteMessages } from "@/lib/messages/pipeline/notes";
import { can, noteTarget } from "@/lib/permissions";
import type { Database } from "../../client";
import { departments, fieldNotes, noteTransfers } from "../../schema";
import { writeAudit } from "../audit/write";
import { notifyNoteAuthor } from "../notifications/notes";
import {
  bumpNote,
  decide,
  loadNoteFor,
  type NoteMoveResult,
  recordMove,
  type Satisfaction,
} from "./move-steps";
import { noteTargetColumns } from "./scope";

/** Transfers of a note to departments, their answers and the member's satisfaction. */

/**
 * Transfers an accepted (or answered) note to one or more departments with a due date.
 * The timeline row names the departments and the date, for the member to read.
 */
export async function transferNoteIn(
  db: Database,
  actor: Actor,
  input: {
    noteId: number;
    expectedVersion: number;
    departmentIds: number[];
    /** "YYYY-MM-DD", checked by the caller against today. */
    dueOn: string;
  },
): Promise<NoteMoveResult & { transferIds: number[] }> {
  const departmentIds = [...new Set(input.departmentIds)];
  if (departmentIds.length === 0) throw new AppError("no_departments");
  return db.transaction(async (tx) => {
    const note = await loadNoteFor(tx, actor, input.noteId, input.expectedVersion, "transfer");
    const chosen = await tx
      .select({ id: departments.id, name: departments.name, sortOrder: departments.sortOrder })
      .from(departments)
      .where(and(inArray(departments.id, departmentIds), eq(departments.active, true)));
    if (chosen.length !== departmentIds.length) throw new AppError("unknown_department");
    chosen.sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);

    const to = decide(actor, note, "transfer", null);
    const { version } = await bumpNote(tx, note, to);
    const rows = await tx
      .insert(noteTransfers)
      .values(
        chosen.map((d) => ({
          noteId: note.id,
          departmentId: d.id,
          dueOn: input.dueOn,
          createdById: actor.user.id,
        })),
      )
      .returning({ id: noteTransfers.id });
    const names = chosen.map((d) => d.name).join(pipelineNoteMessages.timeline.listSeparator);
    await recordMove(tx, actor, {
      noteId: note.id,
      from: note.status,
      to,
      action: "transfer",
      reason: pipelineNoteMessages.timeline.transfer(names, input.dueOn),
      details: { departmentIds: chosen.map((d) => d.id), dueOn: input.dueOn },
    });
    await notifyNoteAuthor(tx, note.id, `${note.id}:v${version}`, {
      kind: "note.transferred",
      departments: names,
      dueOn: input.dueOn,
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
  actor: Actor,
  input: {
    transferId: number;
    expectedVersion: number;
    answer: string;
    satisfaction?: Satisfaction | null;
  },
): Promise<NoteMoveResult> {
  const answer = input.answer.trim();
  if (answer === "") throw new AppError("answer_required", "answer");
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
    if (!transfer) throw new AppError("not_found");
    const note = await loadNoteFor(tx, actor, transfer.noteId, input.expectedVersion, "answer");
    if (transfer.status !== "pending") throw new AppError("transfer_not_pending");
    const answered = decide(actor, note, "answer", null);

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
    if (!updated) throw new AppError("conflict");

    const [open] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(noteTransfers)
      .where(and(eq(noteTransfers.noteId, note.id), eq(noteTransfers.status, "pending")));
    const to = (open?.n ?? 0) === 0 ? answered : note.status;
    const { version } = await bumpNote(tx, note, to);
    await recordMove(tx, actor, {
      noteId: note.id,
      from: note.status,
      to,
      action: "answer",
      reason: pipelineNoteMessages.timeline.answer(transfer.departmentName, answer),
      details: { transferId: transfer.id, satisfaction: input.satisfaction ?? null },
    });
    // Each department's answer is news to the author, whether or not it was the last.
    await notifyNoteAuthor(tx, note.id, `${note.id}:v${version}`, {
      kind: "note.answered",
      department: transfer.departmentName,
      answer,
    });
    return { noteId: note.id, from: note.status, to, version };
  });
}

/** The member's verdict on an answer, told to staff after the answer was recorded. */
export async function recordSatisfactionIn(
  db: Database,
  actor: Actor,
  input: { transferId: number; satisfaction: Satisfaction },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [transfer] = await tx
      .select({ id: noteTransfers.id, noteId: noteTransfers.noteId, status: noteTransfers.status })
      .from(noteTransfers)
      .where(eq(noteTransfers.id, input.transferId));
    if (!transfer) throw new AppError("not_found");
    const [row] = await tx
      .select(noteTargetColumns)
      .from(fieldNotes)
      .where(eq(fieldNotes.id, transfer.noteId));
    if (!row || !can(actor.user, "note.view", noteTarget(row))) {
      throw new AppError("not_found");
    }
    if (!can(actor.user, "note.answer", noteTarget(row))) throw new AppError("forbidden");
    if (transfer.status !== "answered") throw new AppError("not_allowed_from_status");
    await tx
      .update(noteTransfers)
      .set({ satisfaction: input.satisfaction, updatedAt: sql`now()` })
      .where(eq(noteTransfers.id, transfer.id));
    await writeAudit(tx, {
      action: "note.satisfaction",
      actorId: actor.user.id,
      actorLabel: actor.user.username,
      ip: actor.ip,
      targetType: "note",
      targetId: String(transfer.noteId),
      details: { transferId: transfer.id, satisfaction: input.satisfaction },
    });
  });
}
