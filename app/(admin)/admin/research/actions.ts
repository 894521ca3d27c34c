"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { AdminFormState } from "@/components/admin/form-state";
import {
  addNotesToTopic,
  createResearchTopic,
  removeNoteFromTopic,
  setTopicMembers,
  updateResearchTopic,
} from "@/db/queries/research";
import { renderMarkdown } from "@/lib/markdown";
import { adminMessages } from "@/lib/messages/admin";
import { reviewStatuses } from "@/lib/vocabulary";
import {
  authorizeStaffAction,
  forbiddenState,
  idField,
  idList,
  refusal,
  textField,
} from "../../staff";

const m = adminMessages.research;
const TITLE_MAX = 60;
const SUMMARY_MAX = 1000;
const REPORT_MAX = 100_000;
const COMMENT_MAX = 2000;

const invalid = (values: AdminFormState["values"], fieldErrors: Record<string, string>) =>
  ({ status: "error", message: adminMessages.errors.invalid, fieldErrors, values }) as const;

function parseCommon(formData: FormData) {
  const title = textField(formData, "title", TITLE_MAX + 1).trim();
  const summary = textField(formData, "summary", SUMMARY_MAX + 1).trim();
  const sortOrderRaw = textField(formData, "sortOrder", 10).trim();
  const topicRaw = textField(formData, "topicId", 12).trim();
  const fieldErrors: Record<string, string> = {};
  if (title === "" || title.length > TITLE_MAX) fieldErrors.title = m.titleRequired;
  if (summary.length > SUMMARY_MAX) fieldErrors.summary = m.tooLong;
  const sortOrder = sortOrderRaw === "" ? 0 : Number(sortOrderRaw);
  if (!Number.isInteger(sortOrder) || sortOrder < 0 || sortOrder > 999) {
    fieldErrors.sortOrder = adminMessages.departments.sortOrderInvalid;
  }
  const topicId = idField(formData, "topicId");
  return {
    values: { title, summary, sortOrder: sortOrderRaw, topicId: topicRaw },
    fieldErrors,
    data: { title, summary, sortOrder, topicId },
  };
}

export async function createTopicAction(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const { values, fieldErrors, data } = parseCommon(formData);
  const yearRaw = textField(formData, "year", 6).trim();
  const year = Number(yearRaw);
  const allValues = { ...values, year: yearRaw };
  const ctx = await authorizeStaffAction("research.manage");
  if (!ctx) return forbiddenState(allValues);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) fieldErrors.year = m.yearInvalid;
  if (Object.keys(fieldErrors).length > 0) return invalid(allValues, fieldErrors);
  let id: number;
  try {
    id = await createResearchTopic(ctx, { ...data, year });
  } catch (error) {
    return refusal(error, allValues);
  }
  revalidatePath("/admin/research");
  redirect(`/admin/research/${id}?created=1`);
}

const reviewSchema = z.enum(reviewStatuses);

/** Save the topic, or (intent=preview) render the report without saving. */
export async function updateTopicAction(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const { values, fieldErrors, data } = parseCommon(formData);
  const report = textField(formData, "report", REPORT_MAX + 1);
  const reviewComment = textField(formData, "reviewComment", COMMENT_MAX + 1).trim();
  const reviewStatus = reviewSchema.safeParse(formData.get("reviewStatus"));
  const allValues = {
    ...values,
    report,
    reviewComment,
    reviewStatus: reviewStatus.success ? reviewStatus.data : "drafting",
  };
  const ctx = await authorizeStaffAction("research.manage");
  if (!ctx) return forbiddenState(allValues);
  if (report.length > REPORT_MAX) fieldErrors.report = m.tooLong;
  if (reviewComment.length > COMMENT_MAX) fieldErrors.reviewComment = m.tooLong;
  if (formData.get("intent") === "preview") {
    return {
      status: "idle",
      message: null,
      fieldErrors,
      values: allValues,
      previewHtml: renderMarkdown(report.slice(0, REPORT_MAX), { topHeadingLevel: 3 }),
    };
  }
  const id = idField(formData, "id");
  if (id === null || !reviewStatus.success) return invalid(allValues, fieldErrors);
  if (Object.keys(fieldErrors).length > 0) return invalid(allValues, fieldErrors);
  try {
    await updateResearchTopic(ctx, id, {
      ...data,
      report,
      reviewStatus: reviewStatus.data,
      reviewComment,
    });
  } catch (error) {
    return refusal(error, allValues);
  }
  revalidatePath(`/admin/research/${id}`);
  revalidatePath("/admin/research");
  return { status: "ok", message: m.saved, fieldErrors: {}, values: allValues };
}

export async function gatherNotesAction(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const noteIds = idList(formData, "notes");
  const values = { notes: noteIds.map(String) };
  const ctx = await authorizeStaffAction("research.manage");
  if (!ctx) return forbiddenState(values);
  const id = idField(formData, "id");
  if (id === null) return invalid(values, {});
  if (noteIds.length === 0) {
    return { status: "error", message: adminMessages.errors.no_selection, fieldErrors: {}, values };
  }
  let added: number;
  try {
    added = await addNotesToTopic(ctx, id, noteIds);
  } catch (error) {
    return refusal(error, values);
  }
  revalidatePath(`/admin/research/${id}`);
  return { status: "ok", message: m.gathered(added), fieldErrors: {}, values: {} };
}

export async function removeNoteAction(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const ctx = await authorizeStaffAction("research.manage");
  if (!ctx) return forbiddenState({});
  const id = idField(formData, "id");
  const noteId = idField(formData, "noteId");
  if (id === null || noteId === null) return invalid({}, {});
  try {
    await removeNoteFromTopic(ctx, id, noteId);
  } catch (error) {
    return refusal(error, {});
  }
  revalidatePath(`/admin/research/${id}`);
  return { status: "ok", message: m.removed, fieldErrors: {}, values: {} };
}

export async function setMembersAction(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const memberIds = idList(formData, "members");
  const values = { members: memberIds.map(String) };
  const ctx = await authorizeStaffAction("research.manage");
  if (!ctx) return forbiddenState(values);
  const id = idField(formData, "id");
  if (id === null) return invalid(values, {});
  try {
    await setTopicMembers(ctx, id, memberIds);
  } catch (error) {
    return refusal(error, values);
  }
  revalidatePath(`/admin/research/${id}`);
  return { status: "ok", message: m.saved, fieldErrors: {}, values };
}
