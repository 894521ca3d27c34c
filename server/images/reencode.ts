import "server-only";
import sharp from "sharp";
import { AppError } from "@/lib/errors";
import type { EncodedImage } from "@/lib/images";

export type { EncodedImage } from "@/lib/images";

/** Uploads above this are refused before decoding. */
export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;
const MAX_EDGE = 1600;
const MAX_INPUT_PIXELS = 50_000_000;

/**
 * Decodes an upload and writes it again as a JPEG of at most 1600 px a side, turned
 * upright by its EXIF orientation, with no metadata (no GPS, no camera, no author).
 * Anything sharp cannot decode as an image is refused ("bad_image"): a renamed PDF or
 * script never reaches the files table.
 */
export async function reencodeImage(input: Uint8Array): Promise<EncodedImage> {
  if (input.byteLength === 0) throw new AppError("bad_image", "cover");
  if (input.byteLength > MAX_IMAGE_BYTES) throw new AppError("image_too_large", "cover");
  try {
    const { data, info } = await sharp(input, {
      limitInputPixels: MAX_INPUT_PIXELS,
      failOn: "error",
      animated: false,
    })
      .rotate()
      .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { data, contentType: "image/jpeg", width: info.width, height: info.height };
  } catch {
    throw new AppError("bad_image", "cover");
  }
}
