import { z } from "zod";
import { pipelineErrors, pipelineNoteMessages } from "../messages/pipeline/notes";
import { pipelineWorkMessages } from "../messages/pipeline/work";
import { ANSWER_MAX, COMMENT_MAX, directNoteActions, isDateKey, REASON_MAX } from "../moderation";
import { proposalKinds, reviewStatuses, satisfactionLevels } from "../vocabulary";

/**
 * What the staff pipeline's forms may contain, as zod schemas over the typed values (each
 * field a string, checkbox lists as string arrays). One message per field, from the
 * pipeline's catalogue. The server actions (app/(admin)/admin/…/actions.ts) parse with
 * these through the action gate; nothing else validates the same fields again.
 */

const dept = pipelineWorkMessages.departments;
const research = pipelineWorkMessages.research;
const proposals = pipelineWorkMessages.proposals;
const templates = pipelineNoteMessages.templates;

/** A positive id as a form sends it ("12"), or null when absent or malformed. */
export const optionalId = z
  .string()
  .optional()
  .transform((s) => {
    const value = s?.trim() ?? "";
    return /^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : null;
  });

/** A positive id that must be there. */
export const requiredId = z
  .string()
  .trim()
  .regex(/^\d{1,9}$/)
  .transform(Number)
  .refine((n) => n > 0);

/** Distinct positive ids from a checkbox list. */
export const idList = z
  .array(z.string())
  .optional()
  .transform((list) => [
    ...new Set((list ?? []).map((v) => (/^\d{1,9}$/.test(v) ? Number(v) : 0)).filter((n) => n > 0)),
  ]);

/** 0–999, empty meaning 0. */
const sortOrder = z
  .string()
  .trim()
  .transform((s) => (s === "" ? 0 : Number(s)))
  .refine((n) => Number.isInteger(n) && n >= 0 && n <= 999, dept.sortOrderInvalid);

const year = z
  .string()
  .trim()
  .transform(Number)
  .refine((n) => Number.isInteger(n) && n >= 2000 && n <= 2100, research.yearInvalid);

/** A text cut (not refused) at `max`, as the pipeline's reason and answer fields always were. */
const cut = (max: number) =>
  z
    .string()
    .optional()
    .transform((s) => (s ?? "").slice(0, max));

// ---- moves on notes ------------------------------------------------------------------

export const reviewSchema = z.object({
  noteId: requiredId,
  version: requiredId,
  action: z.enum(directNoteActions),
  reason: cut(REASON_MAX),
});

export const transferSchema = (today: string, latest: string) =>
  z.object({
    noteId: requiredId,
    version: requiredId,
    departments: idList.refine((ids) => ids.length > 0, pipelineErrors.no_departments),
    dueOn: z
      .string()
      .trim()
      .refine((s) => isDateKey(s) && s >= today && s <= latest, pipelineErrors.bad_due_date),
  });

export const answerSchema = z.object({
  transferId: requiredId,
  noteId: requiredId,
  version: requiredId,
  answer: cut(ANSWER_MAX),
  satisfaction: z
    .string()
    .optional()
    .transform((s) => ((satisfactionLevels as readonly string[]).includes(s ?? "") ? s : null))
    .transform((s) => s as (typeof satisfactionLevels)[number] | null),
});

export const satisfactionSchema = z.object({
  transferId: requiredId,
  noteId: requiredId,
  satisfaction: z.enum(satisfactionLevels),
});

export const commentSchema = z.object({
  noteId: requiredId,
  body: z
    .string()
    .refine(
      (s) => s.trim() !== "" && s.length <= COMMENT_MAX,
      pipelineNoteMessages.note.commentRequired,
    ),
});

export const templateSchema = z.object({
  id: optionalId,
  title: z.string().trim().min(1, templates.nameRequired).max(40, templates.nameRequired),
  body: z.string().trim().min(1, templates.bodyRequired).max(1000, templates.bodyRequired),
});

// ---- departments, research, proposals -------------------------------------------------

export const departmentSchema = z.object({
  id: optionalId,
  name: z.string().trim().min(1, dept.nameRequired).max(40, dept.nameRequired),
  contact: z.string().trim().max(100, dept.contactTooLong),
  sortOrder,
  active: z
    .string()
    .optional()
    // The kit's checkbox sends "on"; "yes" is what older pages sent.
    .transform((s) => s === "on" || s === "yes"),
});

const topicCommon = {
  title: z.string().trim().min(1, research.titleRequired).max(60, research.titleRequired),
  summary: z.string().trim().max(1000, research.tooLong),
  sortOrder,
  topicId: optionalId,
};

export const topicCreateSchema = z.object({ ...topicCommon, year });

export const REPORT_MAX = 100_000;

export const topicUpdateSchema = z.object({
  ...topicCommon,
  id: requiredId,
  report: z.string().max(REPORT_MAX, research.tooLong),
  reviewStatus: z.enum(reviewStatuses),
  reviewComment: z.string().trim().max(2000, research.tooLong),
});

export const proposalSchema = z.object({
  id: optionalId,
  title: z.string().trim().min(1, proposals.titleRequired).max(80, proposals.titleRequired),
  number: z.string().trim().max(30, research.tooLong),
  summary: z.string().trim().max(2000, research.tooLong),
  year,
  kind: z.enum(proposalKinds),
  researchTopicId: optionalId,
  notes: idList,
  members: idList,
});
