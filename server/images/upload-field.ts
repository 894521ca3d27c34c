import "server-only";
import { AppError } from "@/lib/errors";
import type { EncodedImage } from "@/lib/images";
import { MAX_IMAGE_BYTES, reencodeImage } from "./reencode";

export type PictureChange = { upload: EncodedImage } | { remove: true } | { keep: true };

/**
 * A form's picture field (a file input `field` and a "remove" checkbox `removeField`):
 * a new upload, decoded and re-encoded (server/images/reencode.ts), a removal, or no
 * change. Refuses with AppError("image_too_large" | "bad_image", field) before anything
 * is written: an oversized upload before it is even read.
 */
export async function pictureChangeOf(
  formData: FormData,
  field: string,
  removeField: string,
): Promise<PictureChange> {
  const file = formData.get(field);
  if (!(file instanceof File) || file.size === 0) {
    return formData.get(removeField) === "on" ? { remove: true } : { keep: true };
  }
  if (file.size > MAX_IMAGE_BYTES) throw new AppError("image_too_large", field);
  try {
    return { upload: await reencodeImage(new Uint8Array(await file.arrayBuffer())) };
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, field);
    throw error;
  }
}
