"use server";

import { redirect } from "next/navigation";
import { readFormValues } from "@/components/admin/content/form-state";
import { actorOf, messageForError, requireStaff } from "@/components/admin/content/staff";
import { CmsError } from "@/db/queries/admin-content";
import {
  createCase,
  type PersonalDataKind,
  setCasePublished,
  updateCase,
} from "@/db/queries/cases";
import { cmsMessages } from "@/lib/messages/cms";
import { type CaseFormState, caseTextFields, parseCaseForm } from "./schema";

const m = cmsMessages.cases;

function idFrom(value: FormDataEntryValue | null): number | null {
  return typeof value === "string" && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;
}

/**
 * Creates a case from a note (noteId) or edits one (id). The query refuses text that still
 * holds a phone or ID number, an e-mail address or the author's name; the message says which.
 */
export async function saveCaseAction(
  _previous: CaseFormState,
  formData: FormData,
): Promise<CaseFormState> {
  const user = await requireStaff("case.publish", { roles: ["admin"] });
  const values = readFormValues(formData, caseTextFields);
  const refuse = (
    message: string,
    fieldErrors: CaseFormState["fieldErrors"] = {},
  ): CaseFormState => ({
    values,
    fieldErrors,
    message,
    tone: "error",
  });
  const id = idFrom(formData.get("id"));
  const noteId = idFrom(formData.get("noteId"));
  if (id === null && noteId === null) return refuse(cmsMessages.errors.not_found);
  const parsed = parseCaseForm(values);
  if (!parsed.ok) return refuse(cmsMessages.common.errorSummary, parsed.fieldErrors);
  const { reviewed: _reviewed, ...input } = parsed.data;

  let caseId: number;
  try {
    const actor = await actorOf(user);
    if (id !== null) {
      await updateCase(actor, id, input);
      caseId = id;
    } else {
      caseId = (await createCase(actor, noteId ?? 0, input)).id;
    }
  } catch (error) {
    if (error instanceof CmsError && error.code === "personal_data") {
      return refuse(
        m.personalData[(error.field ?? "phone") as PersonalDataKind] ??
          cmsMessages.errors.personal_data,
      );
    }
    return refuse(messageForError(error, "case save"));
  }
  redirect(`/admin/cases/${caseId}?done=${input.publish ? "published" : "saved"}`);
}

async function publishing(formData: FormData, publish: boolean): Promise<void> {
  const user = await requireStaff("case.publish", { roles: ["admin"] });
  const id = idFrom(formData.get("id"));
  if (id === null) redirect("/admin/cases");
  try {
    await setCasePublished(await actorOf(user), id, publish);
  } catch (error) {
    const code =
      error instanceof CmsError
        ? error.code === "personal_data"
          ? `personal_${error.field}`
          : error.code
        : "unexpected";
    if (code === "unexpected") console.error("[cms] case publish failed:", error);
    redirect(`/admin/cases/${id}?error=${code}`);
  }
  redirect(`/admin/cases/${id}?done=${publish ? "published" : "unpublished"}`);
}

export async function publishCaseAction(formData: FormData): Promise<void> {
  await publishing(formData, true);
}

export async function unpublishCaseAction(formData: FormData): Promise<void> {
  await publishing(formData, false);
}
