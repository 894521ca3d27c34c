"use server";

import type { InlineImageAnswer } from "@/lib/rich-text/editor";
import { uploadInlineImage } from "@/server/images/inline-image";

/** A picture for the inside of an article (server/images/inline-image.ts). */
export async function uploadArticleImageAction(formData: FormData): Promise<InlineImageAnswer> {
  return uploadInlineImage(formData, {
    label: "article inline image",
    permission: "article.create",
  });
}
