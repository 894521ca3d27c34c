import "server-only";
import {
  type InlineImage,
  type InlineImagePermission,
  storeInlineImage,
} from "@/db/queries/news/images";
import { AppError } from "@/lib/errors";
import { cmsGateErrors } from "@/lib/messages/cms/gate";
import type { InlineImageAnswer } from "@/lib/rich-text/editor";
import type { UserRole } from "@/lib/vocabulary";
import { gatedAction } from "../action";
import { MAX_IMAGE_BYTES, reencodeImage } from "./reencode";

/**
 * A picture for the inside of a rich-text body (an article, a public case, a research
 * report), uploaded by the editor: the gate (staff who may write that text), then sharp
 * decodes it and writes it again (no metadata, at most 1600 px a side), and it is stored as
 * a public file. Anything that is not an image is refused with a message; nothing is stored.
 */
export async function uploadInlineImage(
  formData: FormData,
  gate: { label: string; permission: InlineImagePermission; roles?: readonly UserRole[] },
): Promise<InlineImageAnswer> {
  const state = await gatedAction<Record<string, never>, File, InlineImage>(formData, {
    ...gate,
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
      const image = await storeInlineImage(actor, encoded, gate.permission);
      return { status: "ok", message: null, fieldErrors: {}, values, result: image };
    },
  });
  return state.status === "ok" && state.result
    ? { ok: true, image: state.result }
    : { ok: false, message: state.message ?? cmsGateErrors.bad_image };
}
