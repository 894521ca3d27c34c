"use server";

import { redirect } from "next/navigation";
import { saveDirectoryRecord } from "@/db/queries/directory/write";
import {
  type DirectoryFormState,
  type DirectoryFormValues,
  type DirectoryInput,
  type DirectoryKind,
  directoryKinds,
  directoryListFields,
  directoryTextFields,
  parseDirectoryForm,
} from "@/lib/directory/schema";
import { idFromForm } from "@/lib/form-state";
import { cmsGateErrors } from "@/lib/messages/cms/gate";
import { gatedAction } from "@/server/action";

/** Saves a sector, town, organisation or topic (admins only), then refreshes the public pages. */
export async function saveDirectoryAction(
  _previous: DirectoryFormState,
  formData: FormData,
): Promise<DirectoryFormState> {
  const kind = directoryKinds.find((k) => k === formData.get("directoryKind"));
  const id = idFromForm(formData, "id");
  return gatedAction<DirectoryFormValues, DirectoryInput[DirectoryKind]>(formData, {
    label: "directory save",
    permission: "directory.manage",
    roles: ["admin"],
    onForbidden: "not-found",
    fields: directoryTextFields,
    multi: directoryListFields,
    errors: cmsGateErrors,
    parse: (values) => {
      if (!kind) return { ok: false, fieldErrors: {}, message: cmsGateErrors.not_found };
      return parseDirectoryForm(kind, values);
    },
    run: async (input, actor) => {
      if (!kind) return undefined;
      const saved = await saveDirectoryRecord(actor, kind, id, input);
      redirect(`/admin/directory/${kind}/${saved.id}?done=${id === null ? "created" : "saved"}`);
    },
  });
}
