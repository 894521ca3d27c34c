"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { deleteAnswerTemplate, saveAnswerTemplate } from "@/db/queries/pipeline/answer-templates";
import { type FormState, type FormValues, idFromForm } from "@/lib/form-state";
import { pipelineErrors as errors, pipelineNoteMessages } from "@/lib/messages/pipeline/notes";
import { templateSchema } from "@/lib/pipeline/forms";
import { gatedAction } from "@/server/action";

const m = pipelineNoteMessages.templates;

/** Create (no id) or update a template. */
export async function saveTemplate(_previous: FormState, formData: FormData): Promise<FormState> {
  return gatedAction<FormValues, z.output<typeof templateSchema>>(formData, {
    label: "templates.save",
    permission: "template.manage",
    fields: ["title", "body", "id"],
    errors,
    schema: templateSchema,
    run: async (input, actor, values) => {
      await saveAnswerTemplate(actor, {
        id: input.id ?? undefined,
        title: input.title,
        body: input.body,
      });
      revalidatePath("/admin/notes/templates");
      return { status: "ok", message: m.saved, fieldErrors: {}, values: input.id ? values : {} };
    },
  });
}

export async function deleteTemplate(_previous: FormState, formData: FormData): Promise<FormState> {
  return gatedAction<FormValues, { id: number }>(formData, {
    label: "templates.delete",
    permission: "template.manage",
    fields: [],
    errors,
    parse: () => {
      const id = idFromForm(formData, "id");
      return id === null ? { ok: false, fieldErrors: {} } : { ok: true, data: { id } };
    },
    run: async ({ id }, actor) => {
      await deleteAnswerTemplate(actor, id);
      revalidatePath("/admin/notes/templates");
      return { status: "ok", message: m.deleted, fieldErrors: {}, values: {} };
    },
  });
}
