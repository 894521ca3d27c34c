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
  hasPhoto,
  parseDirectoryForm,
} from "@/lib/directory/schema";
import { isAppError } from "@/lib/errors";
import { idFromForm, refusedForm } from "@/lib/form-state";
import { cmsMessages } from "@/lib/messages/cms";
import { cmsGateErrors } from "@/lib/messages/cms/gate";
import { gatedAction } from "@/server/action";
import { type PictureChange, pictureChangeOf } from "@/server/images/upload-field";

/**
 * Saves a sector, town, organisation or topic (admins only) with its photo (uploaded,
 * removed or kept), then refreshes the public pages. A photo that is not a picture, or
 * too large, is refused with what was typed kept and nothing written.
 */
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
    run: async (input, actor, values) => {
      if (!kind) return undefined;
      // The photo: decoded and re-encoded only once everything else is valid.
      let photo: PictureChange = { keep: true };
      if (hasPhoto(kind)) {
        try {
          photo = await pictureChangeOf(formData, "photo", "removePhoto");
        } catch (error) {
          if (!isAppError(error, "image_too_large", "bad_image")) throw error;
          const message =
            error.code === "image_too_large"
              ? cmsMessages.errors.image_too_large
              : cmsMessages.errors.bad_image;
          return refusedForm(values, message, {
            photo: `${message}${cmsMessages.directory.fields.photoAgain}`,
          });
        }
      }
      const saved = await saveDirectoryRecord(actor, kind, id, input, photo);
      redirect(`/admin/directory/${kind}/${saved.id}?done=${id === null ? "created" : "saved"}`);
    },
  });
}
