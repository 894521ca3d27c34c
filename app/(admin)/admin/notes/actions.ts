"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { listAnswerTemplates } from "@/db/queries/pipeline/answer-templates";
import {
  addNoteComment,
  applyBulkAction,
  applyNoteAction,
  recordAnswer,
  recordSatisfaction,
  transferNote,
} from "@/db/queries/pipeline/moves";
import type { Actor } from "@/lib/auth/types";
import { type FormState, type FormValues, firstIssuePerField, idFromForm } from "@/lib/form-state";
import { pipelineErrors as errors, pipelineNoteMessages as m } from "@/lib/messages/pipeline/notes";
import { bulkNoteActions, parseNoteRefs, REASON_MAX } from "@/lib/moderation";
import type { PermissionAction } from "@/lib/permissions";
import {
  answerSchema,
  commentSchema,
  reviewSchema,
  satisfactionSchema,
  transferSchema,
} from "@/lib/pipeline/forms";
import { addDays } from "@/lib/time";
import { committeeToday, gatedAction, type Parsed } from "@/server/action";

/**
 * The staff's moves on notes, each through the action gate (server/action.ts):
 * authenticate, parse, authorize, run (the query re-checks scope and version in its
 * transaction), revalidate. Refusals come back with what was typed.
 */

type State = FormState;

const revalidateNote = (noteId: number) => {
  revalidatePath(`/admin/notes/${noteId}`);
  revalidatePath("/admin/notes");
  revalidatePath("/admin");
};

/** After a move: refresh the pages that show the note (and `also`), back to it saying `done`. */
function backToNote(noteId: number, done: string, ...also: string[]): never {
  revalidateNote(noteId);
  for (const path of also) revalidatePath(path);
  redirect(`/admin/notes/${noteId}?done=${done}`);
}

const text = (value: FormValues[string] | undefined) => (typeof value === "string" ? value : "");

/** "插入模板": the form again with the chosen template's text added to `field`. */
async function withTemplate(
  values: FormValues,
  field: string,
  templateId: number | null,
): Promise<State> {
  const current = text(values[field]);
  const template =
    templateId === null
      ? undefined
      : (await listAnswerTemplates()).find((t) => t.id === templateId);
  const next = !template
    ? current
    : current.trim() === ""
      ? template.body
      : `${current.trimEnd()}\n${template.body}`;
  return { status: "idle", message: null, fieldErrors: {}, values: { ...values, [field]: next } };
}

type Template = { intent: "template"; templateId: number | null };
const templateIntent = (formData: FormData): Template | null =>
  formData.get("intent") === "template"
    ? { intent: "template", templateId: idFromForm(formData, "template") }
    : null;

/** Parses with `schema`, unless the form asked for a template to be inserted. */
function parseOrTemplate<S extends z.ZodType>(schema: S) {
  return (values: FormValues, formData: FormData): Parsed<z.output<S> | Template, FormValues> => {
    const template = templateIntent(formData);
    if (template) return { ok: true, data: template };
    const input = Object.fromEntries(
      [...new Set(formData.keys())].map((k) => [k, values[k] ?? formData.get(k)]),
    );
    const parsed = schema.safeParse(input);
    return parsed.success
      ? { ok: true, data: parsed.data }
      : { ok: false, fieldErrors: firstIssuePerField(parsed.error.issues, Object.keys(values)) };
  };
}

const isTemplate = (input: unknown): input is Template =>
  typeof input === "object" && input !== null && (input as Partial<Template>).intent === "template";

/**
 * An action whose form can also ask for a template to be added to its `text` field
 * (the review's reason, a department's answer).
 */
function templatedAction<S extends z.ZodType>(
  formData: FormData,
  spec: {
    label: string;
    permission: PermissionAction;
    fields: string[];
    schema: S;
    text: string;
    run: (input: z.output<S>, actor: Actor) => Promise<State>;
  },
): Promise<State> {
  return gatedAction<FormValues, z.output<S> | Template>(formData, {
    label: spec.label,
    permission: spec.permission,
    fields: spec.fields,
    errors,
    parse: parseOrTemplate(spec.schema),
    run: async (input, actor, values) =>
      isTemplate(input)
        ? withTemplate(values, spec.text, input.templateId)
        : spec.run(input as z.output<S>, actor),
  });
}

/** Accept, return, reject or close one note (the buttons on the note's page). */
export async function reviewNote(_previous: State, formData: FormData): Promise<State> {
  return templatedAction(formData, {
    label: "notes.review",
    permission: "note.review",
    fields: ["reason"],
    schema: reviewSchema,
    text: "reason",
    run: async (input, actor) => {
      await applyNoteAction(actor, {
        noteId: input.noteId,
        expectedVersion: input.version,
        action: input.action,
        reason: input.reason,
      });
      // The form may be gone after the move (no action left): the page says what was done.
      backToNote(input.noteId, input.action);
    },
  });
}

type Bulk = {
  action: (typeof bulkNoteActions)[number];
  notes: { noteId: number; version: number }[];
  reason: string;
};

/** Accept, return or reject the ticked notes of the queue. */
export async function bulkReviewNotes(_previous: State, formData: FormData): Promise<State> {
  return gatedAction(formData, {
    label: "notes.bulk",
    permission: "note.review",
    fields: ["reason", "action"],
    multi: ["notes"],
    errors,
    parse: (values, formData): Parsed<Bulk | Template, FormValues> => {
      const template = templateIntent(formData);
      if (template) return { ok: true, data: template };
      const action = bulkNoteActions.find((a) => a === values.action);
      if (!action) return { ok: false, fieldErrors: {} };
      const notes = parseNoteRefs((values.notes as string[]).slice(0, 200));
      if (notes.length === 0) return { ok: false, fieldErrors: {}, message: errors.no_selection };
      return {
        ok: true,
        data: { action, notes, reason: text(values.reason).slice(0, REASON_MAX) },
      };
    },
    run: async (input, actor, values) => {
      if (isTemplate(input)) return withTemplate(values, "reason", input.templateId);
      const result = await applyBulkAction(actor, input);
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
              notes: (values.notes as string[]).filter(
                (ref) => !result.done.includes(Number(ref.split(":")[0])),
              ),
            },
      };
    },
  });
}

/** Hand an accepted note to departments with a due date. */
export async function transferNoteAction(_previous: State, formData: FormData): Promise<State> {
  return gatedAction(formData, {
    label: "notes.transfer",
    permission: "note.transfer",
    fields: ["dueOn"],
    multi: ["departments"],
    errors,
    parse: async (values, formData) => {
      const { today } = await committeeToday();
      const parsed = transferSchema(today, addDays(today, 366)).safeParse({
        ...values,
        noteId: formData.get("noteId") ?? "",
        version: formData.get("version") ?? "",
      });
      if (parsed.success) return { ok: true, data: parsed.data };
      const fieldErrors = firstIssuePerField(parsed.error.issues, ["dueOn", "departments"]);
      return { ok: false, fieldErrors };
    },
    run: async ({ noteId, version, departments, dueOn }, actor) => {
      await transferNote(actor, {
        noteId,
        expectedVersion: version,
        departmentIds: departments,
        dueOn,
      });
      backToNote(noteId, "transfer", "/admin/departments");
    },
  });
}

/** Record one department's answer (and the member's satisfaction when known). */
export async function answerTransfer(_previous: State, formData: FormData): Promise<State> {
  return templatedAction(formData, {
    label: "notes.answer",
    permission: "note.answer",
    fields: ["answer", "satisfaction"],
    schema: answerSchema,
    text: "answer",
    run: async ({ noteId, transferId, version, answer, satisfaction }, actor) => {
      await recordAnswer(actor, { transferId, expectedVersion: version, answer, satisfaction });
      backToNote(noteId, "answer", "/admin/departments");
    },
  });
}

/** The member's verdict on an answer, told to staff later. */
export async function saveSatisfaction(_previous: State, formData: FormData): Promise<State> {
  return gatedAction(formData, {
    label: "notes.satisfaction",
    permission: "note.answer",
    fields: ["satisfaction", "transferId", "noteId"],
    errors,
    parse: (values) => {
      const parsed = satisfactionSchema.safeParse(values);
      return parsed.success ? { ok: true, data: parsed.data } : { ok: false, fieldErrors: {} };
    },
    run: async (input, actor) => {
      await recordSatisfaction(actor, {
        transferId: input.transferId,
        satisfaction: input.satisfaction,
      });
      revalidateNote(input.noteId);
      return { status: "ok", message: m.note.satisfactionSaved, fieldErrors: {}, values: {} };
    },
  });
}

/** An internal remark (staff only). */
export async function addComment(_previous: State, formData: FormData): Promise<State> {
  return gatedAction(formData, {
    label: "notes.comment",
    permission: "note.comment",
    fields: ["body", "noteId"],
    errors,
    parse: (values) => {
      const parsed = commentSchema.safeParse(values);
      if (parsed.success) return { ok: true, data: parsed.data };
      const fieldErrors = firstIssuePerField(parsed.error.issues, ["body"]);
      return fieldErrors.body
        ? { ok: false, fieldErrors, message: fieldErrors.body }
        : { ok: false, fieldErrors };
    },
    run: async (input, actor) => {
      await addNoteComment(actor, input);
      revalidatePath(`/admin/notes/${input.noteId}`);
      return { status: "ok", message: m.note.commentAdded, fieldErrors: {}, values: {} };
    },
  });
}
