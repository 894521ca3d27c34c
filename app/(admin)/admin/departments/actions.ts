"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { AdminFormState } from "@/components/admin/form-state";
import { createDepartment, type DepartmentInput, updateDepartment } from "@/db/queries/departments";
import { adminMessages } from "@/lib/messages/admin";
import { authorizeStaffAction, forbiddenState, idField, refusal, textField } from "../../staff";

const m = adminMessages.departments;

function parseDepartment(formData: FormData) {
  const name = textField(formData, "name", 41).trim();
  const contact = textField(formData, "contact", 101).trim();
  const sortOrderRaw = textField(formData, "sortOrder", 10).trim();
  const active = formData.get("active") === "yes";
  const values = { name, contact, sortOrder: sortOrderRaw, active: active ? "yes" : "" };
  const fieldErrors: Record<string, string> = {};
  if (name === "" || name.length > 40) fieldErrors.name = m.nameRequired;
  if (contact.length > 100) fieldErrors.contact = m.contactTooLong;
  const sortOrder = sortOrderRaw === "" ? 0 : Number(sortOrderRaw);
  if (!Number.isInteger(sortOrder) || sortOrder < 0 || sortOrder > 999) {
    fieldErrors.sortOrder = m.sortOrderInvalid;
  }
  const input: DepartmentInput = { name, contact, active, sortOrder };
  return { values, fieldErrors, input };
}

export async function createDepartmentAction(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const { values, fieldErrors, input } = parseDepartment(formData);
  const ctx = await authorizeStaffAction("department.manage");
  if (!ctx) return forbiddenState(values);
  if (Object.keys(fieldErrors).length > 0) {
    return { status: "error", message: adminMessages.errors.invalid, fieldErrors, values };
  }
  try {
    await createDepartment(ctx, input);
  } catch (error) {
    const code = (error as { code?: string }).code;
    return refusal(
      error,
      values,
      code === "duplicate_name" ? { name: adminMessages.errors.duplicate_name } : {},
    );
  }
  revalidatePath("/admin/departments");
  return { status: "ok", message: m.created, fieldErrors: {}, values: {} };
}

export async function updateDepartmentAction(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const { values, fieldErrors, input } = parseDepartment(formData);
  const ctx = await authorizeStaffAction("department.manage");
  if (!ctx) return forbiddenState(values);
  const id = idField(formData, "id");
  if (id === null)
    return { status: "error", message: adminMessages.errors.invalid, fieldErrors: {}, values };
  if (Object.keys(fieldErrors).length > 0) {
    return { status: "error", message: adminMessages.errors.invalid, fieldErrors, values };
  }
  try {
    await updateDepartment(ctx, id, input);
  } catch (error) {
    const code = (error as { code?: string }).code;
    return refusal(
      error,
      values,
      code === "duplicate_name" ? { name: adminMessages.errors.duplicate_name } : {},
    );
  }
  revalidatePath("/admin/departments");
  revalidatePath(`/admin/departments/${id}`);
  redirect(`/admin/departments/${id}?saved=1`);
}
