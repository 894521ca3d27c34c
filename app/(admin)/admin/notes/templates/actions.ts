"use server";

import { revalidatePath } from "next/cache";
import type { AdminFormState } from "@/components/admin/form-state";
import { deleteAnswerTemplate, saveAnswerTemplate } from "@/db/queries/answer-templates";
import { adminMessages } from "@/lib/messages/admin";
import { authorizeStaffAction, forbiddenState, idField, refusal, textField } from "../../../staff";

const m = adminMessages.templates;
const TITLE_MAX = 40;
const BODY_MAX = 1000;

/** Create (no id) or update a template. */
export async function saveTemplate(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const title = textField(formData, "title", TITLE_MAX + 1).trim();
  const body = textField(formData, "body", BODY_MAX + 1).trim();
  const values = { title, body };
  const ctx = await authorizeStaffAction("template.manage");
  if (!ctx) return forbiddenState(values);
  const fieldErrors: Record<string, string> = {};
  if (title === "" || title.length > TITLE_MAX) fieldErrors.title = m.nameRequired;
  if (body === "" || body.length > BODY_MAX) fieldErrors.body = m.bodyRequired;
  if (Object.keys(fieldErrors).length > 0) {
    return { status: "error", message: adminMessages.errors.invalid, fieldErrors, values };
  }
  const id = idField(formData, "id");
  try {
    await saveAnswerTemplate(ctx, { id: id ?? undefined, title, body });
  } catch (error) {
    return refusal(error, values);
  }
  revalidatePath("/admin/notes/templates");
  return { status: "ok", message: m.saved, fieldErrors: {}, values: id ? values : {} };
}

export async function deleteTemplate(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const ctx = await authorizeStaffAction("template.manage");
  if (!ctx) return forbiddenState({});
  const id = idField(formData, "id");
  if (id === null)
    return { status: "error", message: adminMessages.errors.invalid, fieldErrors: {}, values: {} };
  try {
    await deleteAnswerTemplate(ctx, id);
  } catch (error) {
    return refusal(error, {});
  }
  revalidatePath("/admin/notes/templates");
  return { status: "ok", message: m.deleted, fieldErrors: {}, values: {} };
}
