"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { AdminFormState } from "@/components/admin/form-state";
import { listAnswerTemplates } from "@/db/queries/answer-templates";
import {
  addNoteComment,
  applyBulkAction,
  applyNoteAction,
  recordAnswer,
  recordSatisfaction,
  transferNote,
} from "@/db/queries/moderation";
import { adminMessages } from "@/lib/messages/admin";
import {
  ANSWER_MAX,
  addDays,
  bulkNoteActions,
  COMMENT_MAX,
  directNoteActions,
  isDateKey,
  parseNoteRefs,
  REASON_MAX,
} from "@/lib/moderation";
import { satisfactionLevels } from "@/lib/vocabulary";
import {
  authorizeStaffAction,
  committeeToday,
  forbiddenState,
  idField,
  idList,
  refusal,
  textField,
} from "../../staff";

/**
 * The staff's moves on notes. Each action: authenticate and authorize (staff, and the
 * permission the move needs), parse, run (the query re-checks scope and version in
 * its transaction), revalidate. Refusals come back with what was typed.
 */

const m = adminMessages;

const revalidateNote = (noteId: number) => {
  revalidatePath(`/admin/notes/${noteId}`);
  revalidatePath("/admin/notes");
  revalidatePath("/admin");
};

/** "插入模板": adds the chosen template's text to `current`. */
async function withTemplate(formData: FormData, current: string): Promise<string> {
  const templateId = idField(formData, "template");
  if (templateId === null) return current;
  const template = (await listAnswerTemplates()).find((t) => t.id === templateId);
  if (!template) return current;
  return current.trim() === "" ? template.body : `${current.trimEnd()}\n${template.body}`;
}

const directActionSchema = z.enum(directNoteActions);

/** Accept, return, reject or close one note (the buttons on the note's page). */
export async function reviewNote(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const reason = textField(formData, "reason", REASON_MAX);
  const values = { reason };
  const ctx = await authorizeStaffAction("note.review");
  if (!ctx) return forbiddenState(values);
  if (formData.get("intent") === "template") {
    return {
      status: "idle",
      message: null,
      fieldErrors: {},
      values: { reason: await withTemplate(formData, reason) },
    };
  }
  const noteId = idField(formData, "noteId");
  const version = idField(formData, "version");
  const action = directActionSchema.safeParse(formData.get("action"));
  if (noteId === null || version === null || !action.success) {
    return { status: "error", message: m.errors.invalid, fieldErrors: {}, values };
  }
  try {
    await applyNoteAction(ctx, {
      noteId,
      expectedVersion: version,
      action: action.data,
      reason,
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    return refusal(
      error,
      values,
      code === "reason_required" ? { reason: m.errors.reason_required } : {},
    );
  }
  revalidateNote(noteId);
  // The form may be gone after the move (no action left): the page says what was done.
  redirect(`/admin/notes/${noteId}?done=${action.data}`);
}

const bulkActionSchema = z.enum(bulkNoteActions);

/** Accept, return or reject the ticked notes of the queue. */
export async function bulkReviewNotes(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const reason = textField(formData, "reason", REASON_MAX);
  const ticked = formData
    .getAll("notes")
    .filter((v): v is string => typeof v === "string")
    .slice(0, 200);
  const action = bulkActionSchema.safeParse(formData.get("action"));
  const values = { reason, notes: ticked, action: action.success ? action.data : "" };
  const ctx = await authorizeStaffAction("note.review");
  if (!ctx) return forbiddenState(values);
  if (formData.get("intent") === "template") {
    return {
      status: "idle",
      message: null,
      fieldErrors: {},
      values: { ...values, reason: await withTemplate(formData, reason) },
    };
  }
  const notes = parseNoteRefs(ticked);
  if (!action.success)
    return { status: "error", message: m.errors.invalid, fieldErrors: {}, values };
  if (notes.length === 0) {
    return { status: "error", message: m.errors.no_selection, fieldErrors: {}, values };
  }
  let result: Awaited<ReturnType<typeof applyBulkAction>>;
  try {
    result = await applyBulkAction(ctx, { notes, action: action.data, reason });
  } catch (error) {
    const code = (error as { code?: string }).code;
    return refusal(
      error,
      values,
      code === "reason_required" ? { reason: m.errors.reason_required } : {},
    );
  }
  revalidatePath("/admin/notes");
  revalidatePath("/admin");
  const parts = [m.queue.bulk.result(result.done.length)];
  if (result.conflicts.length > 0) parts.push(m.queue.bulk.conflicts(result.conflicts.length));
  if (result.refused.length > 0) parts.push(m.queue.bulk.refused(result.refused.length));
  const clean = result.conflicts.length === 0 && result.refused.length === 0;
  return {
    status: clean ? "ok" : "error",
    message: parts.join(""),
    fieldErrors: {},
    // Keep the reason and the ticks of the notes that were left alone.
    values: clean
      ? {}
      : {
          ...values,
          notes: ticked.filter((ref) => !result.done.includes(Number(ref.split(":")[0]))),
        },
  };
}

/** Hand an accepted note to departments with a due date. */
export async function transferNoteAction(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const dueOn = textField(formData, "dueOn", 20).trim();
  const departmentIds = idList(formData, "departments");
  const values = { dueOn, departments: departmentIds.map(String) };
  const ctx = await authorizeStaffAction("note.transfer");
  if (!ctx) return forbiddenState(values);
  const noteId = idField(formData, "noteId");
  const version = idField(formData, "version");
  if (noteId === null || version === null) {
    return { status: "error", message: m.errors.invalid, fieldErrors: {}, values };
  }
  const fieldErrors: Record<string, string> = {};
  if (departmentIds.length === 0) fieldErrors.departments = m.errors.no_departments;
  const { today } = await committeeToday();
  if (!isDateKey(dueOn) || dueOn < today || dueOn > addDays(today, 366)) {
    fieldErrors.dueOn = m.errors.bad_due_date;
  }
  if (Object.keys(fieldErrors).length > 0) {
    return { status: "error", message: m.errors.invalid, fieldErrors, values };
  }
  try {
    await transferNote(ctx, { noteId, expectedVersion: version, departmentIds, dueOn });
  } catch (error) {
    return refusal(error, values);
  }
  revalidateNote(noteId);
  revalidatePath("/admin/departments");
  redirect(`/admin/notes/${noteId}?done=transfer`);
}

const satisfactionSchema = z.enum(satisfactionLevels);

/** Record one department's answer (and the member's satisfaction when known). */
export async function answerTransfer(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const answer = textField(formData, "answer", ANSWER_MAX);
  const satisfactionRaw = textField(formData, "satisfaction", 40);
  const values = { answer, satisfaction: satisfactionRaw };
  const ctx = await authorizeStaffAction("note.answer");
  if (!ctx) return forbiddenState(values);
  if (formData.get("intent") === "template") {
    return {
      status: "idle",
      message: null,
      fieldErrors: {},
      values: { ...values, answer: await withTemplate(formData, answer) },
    };
  }
  const transferId = idField(formData, "transferId");
  const noteId = idField(formData, "noteId");
  const version = idField(formData, "version");
  if (transferId === null || version === null || noteId === null) {
    return { status: "error", message: m.errors.invalid, fieldErrors: {}, values };
  }
  if (answer.trim() === "") {
    return {
      status: "error",
      message: m.errors.answer_required,
      fieldErrors: { answer: m.errors.answer_required },
      values,
    };
  }
  const satisfaction = satisfactionSchema.safeParse(satisfactionRaw);
  try {
    await recordAnswer(ctx, {
      transferId,
      expectedVersion: version,
      answer,
      satisfaction: satisfaction.success ? satisfaction.data : null,
    });
  } catch (error) {
    return refusal(error, values);
  }
  revalidateNote(noteId);
  revalidatePath("/admin/departments");
  redirect(`/admin/notes/${noteId}?done=answer`);
}

/** The member's verdict on an answer, told to staff later. */
export async function saveSatisfaction(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const raw = textField(formData, "satisfaction", 40);
  const values = { satisfaction: raw };
  const ctx = await authorizeStaffAction("note.answer");
  if (!ctx) return forbiddenState(values);
  const transferId = idField(formData, "transferId");
  const noteId = idField(formData, "noteId");
  const satisfaction = satisfactionSchema.safeParse(raw);
  if (transferId === null || noteId === null || !satisfaction.success) {
    return { status: "error", message: m.errors.invalid, fieldErrors: {}, values };
  }
  try {
    await recordSatisfaction(ctx, { transferId, satisfaction: satisfaction.data });
  } catch (error) {
    return refusal(error, values);
  }
  revalidateNote(noteId);
  return { status: "ok", message: m.note.satisfactionSaved, fieldErrors: {}, values: {} };
}

/** An internal remark (staff only). */
export async function addComment(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const body = textField(formData, "body", COMMENT_MAX + 1);
  const values = { body };
  const ctx = await authorizeStaffAction("note.comment");
  if (!ctx) return forbiddenState(values);
  const noteId = idField(formData, "noteId");
  if (noteId === null)
    return { status: "error", message: m.errors.invalid, fieldErrors: {}, values };
  if (body.trim() === "" || body.length > COMMENT_MAX) {
    return {
      status: "error",
      message: m.note.commentRequired,
      fieldErrors: { body: m.note.commentRequired },
      values,
    };
  }
  try {
    await addNoteComment(ctx, { noteId, body });
  } catch (error) {
    return refusal(error, values);
  }
  revalidatePath(`/admin/notes/${noteId}`);
  return { status: "ok", message: m.note.commentAdded, fieldErrors: {}, values: {} };
}
