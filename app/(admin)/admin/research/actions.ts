"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  addNotesToTopic,
  createResearchTopic,
  removeNoteFromTopic,
  setTopicMembers,
  updateResearchTopic,
} from "@/db/queries/pipeline/research-write";
import {
  type FormState,
  type FormValues,
  firstIssuePerField,
  idFromForm,
  idsFromForm,
} from "@/lib/form-state";
import { pipelineErrors as errors } from "@/lib/messages/pipeline/notes";
import { pipelineWorkMessages } from "@/lib/messages/pipeline/work";
import { REPORT_MAX, topicCreateSchema, topicUpdateSchema } from "@/lib/pipeline/forms";
import { renderRichText, storedRichText } from "@/lib/rich-text/sanitize";
import { gatedAction } from "@/server/action";

const m = pipelineWorkMessages.research;

/** The report preview, rendered on the server (state.result). */
export type TopicFormResult = { previewHtml: string } | undefined;
type State = FormState<FormValues, TopicFormResult>;

const topicFields = ["title", "summary", "sortOrder", "topicId"] as const;

export async function createTopicAction(_previous: State, formData: FormData): Promise<State> {
  return gatedAction<FormValues, ReturnType<typeof topicCreateSchema.parse>, TopicFormResult>(
    formData,
    {
      label: "research.create",
      permission: "research.manage",
      fields: [...topicFields, "year"],
      errors,
      schema: topicCreateSchema,
      run: async (input, actor) => {
        const id = await createResearchTopic(actor, input);
        revalidatePath("/admin/research");
        redirect(`/admin/research/${id}?created=1`);
      },
    },
  );
}

const updateFields = [...topicFields, "report", "reviewComment", "reviewStatus", "id"];

/** Save the topic, or (intent=preview) render the report without saving. */
export async function updateTopicAction(_previous: State, formData: FormData): Promise<State> {
  return gatedAction<
    FormValues,
    | ReturnType<typeof topicUpdateSchema.parse>
    | { preview: true; fieldErrors: State["fieldErrors"] },
    TopicFormResult
  >(formData, {
    label: "research.update",
    permission: "research.manage",
    fields: updateFields,
    errors,
    parse: (values) => {
      const parsed = topicUpdateSchema.safeParse(values);
      const fieldErrors = parsed.success
        ? {}
        : firstIssuePerField(parsed.error.issues, updateFields);
      if (formData.get("intent") === "preview") {
        return { ok: true, data: { preview: true, fieldErrors } };
      }
      return parsed.success ? { ok: true, data: parsed.data } : { ok: false, fieldErrors };
    },
    run: async (input, actor, values) => {
      if ("preview" in input) {
        const report = typeof values.report === "string" ? values.report : "";
        return {
          status: "idle",
          message: null,
          fieldErrors: input.fieldErrors,
          values,
          result: {
            previewHtml: renderRichText(storedRichText(report.slice(0, REPORT_MAX))),
          },
        };
      }
      const { id, ...data } = input;
      await updateResearchTopic(actor, id, data);
      revalidatePath(`/admin/research/${id}`);
      revalidatePath("/admin/research");
      return { status: "ok", message: m.saved, fieldErrors: {}, values };
    },
  });
}

export async function gatherNotesAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return gatedAction<FormValues, { id: number; noteIds: number[] }>(formData, {
    label: "research.gather",
    permission: "research.manage",
    fields: [],
    multi: ["notes"],
    errors,
    parse: () => {
      const id = idFromForm(formData, "id");
      const noteIds = idsFromForm(formData, "notes");
      if (id === null) return { ok: false, fieldErrors: {} };
      if (noteIds.length === 0) return { ok: false, fieldErrors: {}, message: errors.no_selection };
      return { ok: true, data: { id, noteIds } };
    },
    run: async ({ id, noteIds }, actor) => {
      const added = await addNotesToTopic(actor, id, noteIds);
      revalidatePath(`/admin/research/${id}`);
      return { status: "ok", message: m.gathered(added), fieldErrors: {}, values: {} };
    },
  });
}

export async function removeNoteAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return gatedAction<FormValues, { id: number; noteId: number }>(formData, {
    label: "research.remove-note",
    permission: "research.manage",
    fields: [],
    errors,
    parse: () => {
      const id = idFromForm(formData, "id");
      const noteId = idFromForm(formData, "noteId");
      return id === null || noteId === null
        ? { ok: false, fieldErrors: {} }
        : { ok: true, data: { id, noteId } };
    },
    run: async ({ id, noteId }, actor) => {
      await removeNoteFromTopic(actor, id, noteId);
      revalidatePath(`/admin/research/${id}`);
      return { status: "ok", message: m.removed, fieldErrors: {}, values: {} };
    },
  });
}

export async function setMembersAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return gatedAction<FormValues, { id: number; memberIds: number[] }>(formData, {
    label: "research.members",
    permission: "research.manage",
    fields: [],
    multi: ["members"],
    errors,
    parse: () => {
      const id = idFromForm(formData, "id");
      return id === null
        ? { ok: false, fieldErrors: {} }
        : { ok: true, data: { id, memberIds: idsFromForm(formData, "members") } };
    },
    run: async ({ id, memberIds }, actor) => {
      await setTopicMembers(actor, id, memberIds);
      revalidatePath(`/admin/research/${id}`);
      return {
        status: "ok",
        message: m.saved,
        fieldErrors: {},
        values: { members: memberIds.map(String) },
      };
    },
  });
}
