"use server";

import type { InlineImageAnswer } from "@/lib/rich-text/editor";
import { uploadInlineImage } from "@/server/images/inline-image";

/** A picture for a research report: whoever manages research topics. */
export async function uploadReportImageAction(formData: FormData): Promise<InlineImageAnswer> {
  return uploadInlineImage(formData, {
    label: "research report inline image",
    permission: "research.manage",
  });
}
