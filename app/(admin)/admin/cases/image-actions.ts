"use server";

import type { InlineImageAnswer } from "@/lib/rich-text/editor";
import { uploadInlineImage } from "@/server/images/inline-image";

/** A picture for a public case's outcome: admins who publish cases (as the case form). */
export async function uploadCaseImageAction(formData: FormData): Promise<InlineImageAnswer> {
  return uploadInlineImage(formData, {
    label: "case inline image",
    permission: "case.publish",
    roles: ["admin"],
  });
}
