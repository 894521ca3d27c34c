"use server";

import { redirect } from "next/navigation";
import { createCase, setCasePublished, updateCase } from "@/db/queries/cases/write";
import type { PersonalDataKind } from "@/lib/cases/personal-data";
import {
  type CaseFormState,
  type CaseFormValues,
  caseTextFields,
  type ParsedCase,
  parseCaseForm,
} from "@/lib/cases/schema";
import { isAppError } from "@/lib/errors";
import { idFromForm, refusedForm } from "@/lib/form-state";
import { cmsMessages } from "@/lib/messages/cms";
import { cmsGateErrors } from "@/lib/messages/cms/gate";
import { gatedAction } from "@/server/action";

const m = cmsMessages.cases;

/** Only admins write public cases; anyone else gets the 404 the pages give. */
const caseGate = {
  roles: ["admin"],
  permission: "case.publish",
  onForbidden: "not-found",
} as const;

/**
 * Creates a case from a note (noteId) or edits one (id). The query refuses text that still
 * holds a phone or ID number, an e-mail address or the author's name; the message says which.
 */
export async function saveCaseAction(
  _previous: CaseFormState,
  formData: FormData,
): Promise<CaseFormState> {
  return gatedAction<
    CaseFormValues,
    { id: number | null; noteId: number | null; data: ParsedCase }
  >(formData, {
    ...caseGate,
    label: "case save",
    fields: caseTextFields,
    errors: cmsGateErrors,
    parse: (values) => {
      const id = idFromForm(formData, "id");
      const noteId = idFromForm(formData, "noteId");
      if (id === null && noteId === null) {
        return { ok: false, fieldErrors: {}, message: cmsMessages.errors.not_found };
      }
      const parsed = parseCaseForm(values);
      return parsed.ok ? { ok: true, data: { id, noteId, data: parsed.data } } : parsed;
    },
    run: async ({ id, noteId, data }, actor, values) => {
      const { reviewed: _reviewed, ...input } = data;
      let caseId: number;
      try {
        if (id !== null) {
          await updateCase(actor, id, input);
          caseId = id;
        } else {
          caseId = (await createCase(actor, noteId ?? 0, input)).id;
        }
      } catch (error) {
        if (!isAppError(error, "personal_data")) throw error;
        const kind = (error.field ?? "phone") as PersonalDataKind;
        return refusedForm(values, m.personalData[kind] ?? cmsMessages.errors.personal_data);
      }
      redirect(`/admin/cases/${caseId}?done=${input.publish ? "published" : "saved"}`);
    },
  });
}

async function publishing(formData: FormData, publish: boolean): Promise<void> {
  await gatedAction<Record<string, never>, number | null>(formData, {
    ...caseGate,
    label: "case publish",
    fields: [],
    errors: cmsGateErrors,
    parse: () => ({ ok: true, data: idFromForm(formData, "id") }),
    run: async (id, actor) => {
      if (id === null) redirect("/admin/cases");
      const code = await setCasePublished(actor, id, publish).then(
        () => null,
        (error: unknown) => {
          if (isAppError(error)) {
            return error.code === "personal_data" ? `personal_${error.field}` : error.code;
          }
          console.error("[cms] case publish failed:", error);
          return "unexpected";
        },
      );
      redirect(
        `/admin/cases/${id}?${code ? `error=${code}` : `done=${publish ? "published" : "unpublished"}`}`,
      );
    },
  });
}

export async function publishCaseAction(formData: FormData): Promise<void> {
  await publishing(formData, true);
}

export async function unpublishCaseAction(formData: FormData): Promise<void> {
  await publishing(formData, false);
}
