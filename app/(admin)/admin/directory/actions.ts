"use server";

import { redirect } from "next/navigation";
import { readFormValues } from "@/components/admin/content/form-state";
import { actorOf, messageForError, requireStaff } from "@/components/admin/content/staff";
import { CmsError } from "@/db/queries/admin-content";
import {
  type DirectoryKind,
  directoryKinds,
  saveDirectoryRecord,
} from "@/db/queries/admin-directory";
import { cmsMessages } from "@/lib/messages/cms";
import {
  type DirectoryFormState,
  directoryListFields,
  directoryTextFields,
  parseDirectoryForm,
} from "./schema";

/** Saves a sector, town, organisation or topic (admins only), then refreshes the public pages. */
export async function saveDirectoryAction(
  _previous: DirectoryFormState,
  formData: FormData,
): Promise<DirectoryFormState> {
  const user = await requireStaff("directory.manage", { roles: ["admin"] });
  const values = readFormValues(formData, directoryTextFields, directoryListFields);
  const refuse = (
    message: string,
    fieldErrors: DirectoryFormState["fieldErrors"] = {},
  ): DirectoryFormState => ({
    values,
    fieldErrors,
    message,
    tone: "error",
  });
  const kind = directoryKinds.find((k) => k === formData.get("directoryKind")) as
    | DirectoryKind
    | undefined;
  if (!kind) return refuse(cmsMessages.errors.not_found);
  const rawId = formData.get("id");
  const id = typeof rawId === "string" && /^[1-9]\d{0,8}$/.test(rawId) ? Number(rawId) : null;

  const parsed = parseDirectoryForm(kind, values);
  if (!parsed.ok) return refuse(cmsMessages.common.errorSummary, parsed.fieldErrors);
  let saved: { id: number };
  try {
    saved = await saveDirectoryRecord(await actorOf(user), kind, id, parsed.data);
  } catch (error) {
    const message = messageForError(error, "directory save");
    const field = error instanceof CmsError ? error.field : undefined;
    return refuse(message, field && field in values ? { [field]: message } : {});
  }
  redirect(`/admin/directory/${kind}/${saved.id}?done=${id === null ? "created" : "saved"}`);
}
