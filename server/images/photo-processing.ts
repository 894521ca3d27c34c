import "server-only";
import { createHash } from "node:crypto";
import sharp, { type OutputInfo } from "sharp";
import { AppError } from "@/lib/errors";
import type { ProcessedPhoto } from "@/lib/images";
import { MAX_PHOTO_BYTES } from "@/lib/notes/form-state";
import { heifDeclaredPixels, sniffImageKind } from "@/lib/notes/image-type";

/**
 * Every photo is decoded and encoded again before it is stored: turned upright by its
 * EXIF orientation, at most 2560 px on its longer edge, JPEG at quality 82, with NO
 * metadata (EXIF, GPS, XMP, ICC, comments). What a phone wrote about where and when the
 * picture was taken never reaches the database. HEIC is first decoded by heic-convert
 * (sharp's prebuilt libvips has no HEVC decoder).
 */
export const PHOTO_MAX_EDGE = 2560;
export const PHOTO_JPEG_QUALITY = 82;
/**
 * A decompression bomb (a small file of enormous dimensions) is refused by the size it
 * declares, before a pixel is decoded. A phone's 108-megapixel mode still fits.
 */
export const PHOTO_MAX_INPUT_PIXELS = 120_000_000;

type PhotoRefusal = "not_image" | "too_large" | "too_many_pixels" | "unreadable";
/** A refused photo: `AppError(code, "photos")`. */
const refuse = (code: PhotoRefusal) => new AppError(code, "photos");

export async function processPhoto(input: Uint8Array): Promise<ProcessedPhoto> {
  if (input.byteLength > MAX_PHOTO_BYTES) throw refuse("too_large");
  const kind = sniffImageKind(input);
  if (!kind) throw refuse("not_image");

  let source = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const declared = kind === "heic" ? heifDeclaredPixels(input) : await headerPixels(source);
  if (declared === null) throw refuse("unreadable");
  if (declared > PHOTO_MAX_INPUT_PIXELS) throw refuse("too_many_pixels");
  if (kind === "heic") source = await decodeHeic(source);

  let output: { data: Buffer; info: OutputInfo };
  try {
    output = await sharp(source, { failOn: "error", limitInputPixels: PHOTO_MAX_INPUT_PIXELS })
      .rotate()
      .resize({
        width: PHOTO_MAX_EDGE,
        height: PHOTO_MAX_EDGE,
        fit: "inside",
        withoutEnlargement: true,
      })
      // Transparent PNG/WebP areas become white rather than black in the JPEG.
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: PHOTO_JPEG_QUALITY })
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw refuse("unreadable");
  }
  const { data, info } = output;
  return {
    data,
    sha256: createHash("sha256").update(data).digest("hex"),
    contentType: "image/jpeg",
    byteSize: data.byteLength,
    width: info.width,
    height: info.height,
  };
}

/** Width × height as the file's header declares them (sharp reads the header alone). */
async function headerPixels(source: Buffer): Promise<number | null> {
  try {
    const { width, height } = await sharp(source, { limitInputPixels: false }).metadata();
    return width && height ? width * height : null;
  } catch {
    return null;
  }
}

async function decodeHeic(source: Buffer): Promise<Buffer> {
  try {
    const { default: convert } = await import("heic-convert");
    const jpeg = await convert({ buffer: source, format: "JPEG", quality: 0.95 });
    return Buffer.from(jpeg instanceof Uint8Array ? jpeg : new Uint8Array(jpeg));
  } catch {
    throw refuse("unreadable");
  }
}
