"use server";

import { type InlineImage, storeInlineImage } from "@/db/queries/news/images";
import { AppError } from "@/lib/errors";
import { cmsGateErrors } from "@/lib/messages/cms/gate";
import type { InlineImageAnswer } from "@/lib/rich-text/editor";
import { gatedAction } from "@/server/action";
import { MAX_IMAGE_BYTES, reencodeImage } from "@/server/images/reencode";

/**
 * A picture for the inside of an article, uploaded by the rich-text editor: the gate (staff
 * who may write news), then sharp decodes it and writes it again (no metadata, at most
 * 1600 px a side), and it is stored as a public file. Anything that is not an image is
 * refused with a message; nothing is stored.
 */
export async function uploadArticleImageAction(formData: FormData): Promise<InlineImageAnswer> {
  const state = await gatedAction<Record<string, never>, File, InlineImage>(formData, {
    label: "article inline image",
    permission: "article.create",
    fields: [],
    errors: cmsGateErrors,
    parse: () => {
      const file = formData.get("image");
      return file instanceof File && file.size > 0
        ? { ok: true, data: file }
        : { ok: false, fieldErrors: {}, message: cmsGateErrors.bad_image };
    },
    run: async (file, actor, values) => {
      if (file.size > MAX_IMAGE_BYTES) throw new AppError("image_too_large");
      const encoded = await reencodeImage(new Uint8Array(await file.arrayBuffer()));
      const image = await storeInlineImage(actor, encoded);
      return { status: "ok", message: null, fieldErrors: {}, values, result: image };
    },
  });
  return state.status === "ok" && state.result
    ? { ok: true, image: state.result }
    : { ok: false, message: state.message ?? cmsGateErrors.bad_image };
}
