"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { createDepartment, updateDepartment } from "@/db/queries/pipeline/departments";
import { type FormState, type FormValues, refusedForm } from "@/lib/form-state";
import { pipelineErrors as errors } from "@/lib/messages/pipeline/notes";
import { pipelineWorkMessages } from "@/lib/messages/pipeline/work";
import { departmentSchema } from "@/lib/pipeline/forms";
import { gatedAction } from "@/server/action";

const m = pipelineWorkMessages.departments;
type Department = z.output<typeof departmentSchema>;
const fields = ["name", "contact", "sortOrder", "active", "id"] as const;

export async function createDepartmentAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return gatedAction<FormValues, Department>(formData, {
    label: "departments.create",
    permission: "department.manage",
    fields,
    errors,
    schema: departmentSchema,
    run: async ({ name, contact, active, sortOrder }, actor) => {
      await createDepartment(actor, { name, contact, active, sortOrder });
      revalidatePath("/admin/departments");
      return { status: "ok", message: m.created, fieldErrors: {}, values: {} };
    },
  });
}

export async function updateDepartmentAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return gatedAction<FormValues, Department>(formData, {
    label: "departments.update",
    permission: "department.manage",
    fields,
    errors,
    schema: departmentSchema,
    run: async ({ id, name, contact, active, sortOrder }, actor, values) => {
      if (id === null) return refusedForm(values, errors.invalid);
      await updateDepartment(actor, id, { name, contact, active, sortOrder });
      revalidatePath("/admin/departments");
      revalidatePath(`/admin/departments/${id}`);
      redirect(`/admin/departments/${id}?saved=1`);
    },
  });
}
