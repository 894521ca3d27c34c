/**
 * Pictures served in several widths (made by server/images/variants.ts, stored in the
 * image_variants table). A variant's URL names its source and its width, and the source
 * never changes once written (files are content-addressed, designed covers are named by
 * the hash of what they show), so every variant URL is immutable.
 */

/** The widths a picture is offered in; a photo never grows past its own width. */
export const PICTURE_WIDTHS = [320, 640, 960, 1280] as const;
/** The largest width of any variant (an upload is re-encoded to at most 1600 px). */
export const MAX_PICTURE_WIDTH = 1600;

export const pictureFormats = ["webp", "jpg"] as const;
export type PictureFormat = (typeof pictureFormats)[number];

export const pictureContentTypes: Record<PictureFormat, "image/webp" | "image/jpeg"> = {
  webp: "image/webp",
  jpg: "image/jpeg",
};

/**
 * The widths a photo of `sourceWidth` px is offered in: the standard widths below it,
 * and the photo's own width (at most 1600 px) so the sharpest version is there too.
 */
export function variantWidths(sourceWidth: number | null): number[] {
  if (!sourceWidth || sourceWidth < 1) return [];
  const own = Math.min(Math.floor(sourceWidth), MAX_PICTURE_WIDTH);
  const below = PICTURE_WIDTHS.filter((w) => w < own);
  return [...below, own];
}

/** "640.webp" → { width: 640, format: "webp" }; anything else → null. */
export function parseVariantName(name: string): { width: number; format: PictureFormat } | null {
  const match = /^([1-9][0-9]{0,3})\.(webp|jpg)$/.exec(name);
  if (!match?.[1] || !match[2]) return null;
  return { width: Number(match[1]), format: match[2] as PictureFormat };
}

/** The height that keeps a picture's proportions at `width`. */
export function scaledHeight(source: { width: number; height: number }, width: number): number {
  return Math.max(1, Math.round((source.height * width) / source.width));
}

/** Everything a <picture> needs: the WebP and JPEG srcsets, a fallback src, the box. */
export interface PictureSources {
  webpSrcSet: string;
  jpegSrcSet: string;
  src: string;
  width: number;
  height: number;
}

/**
 * The sources of a picture whose variants live under `base` ("/files/<id>", or a designed
 * cover's "/covers/…"): `${base}/${width}.${format}` for each width.
 */
export function pictureSources(
  base: string,
  widths: readonly number[],
  box: { width: number; height: number },
): PictureSources | null {
  if (widths.length === 0) return null;
  const set = (format: PictureFormat) =>
    widths.map((w) => `${base}/${w}.${format} ${w}w`).join(", ");
  // The fallback src (browsers without srcset): a middling width, not the largest.
  const fallback = widths.find((w) => w >= 640) ?? widths[widths.length - 1];
  return {
    webpSrcSet: set("webp"),
    jpegSrcSet: set("jpg"),
    src: `${base}/${fallback}.jpg`,
    width: box.width,
    height: box.height,
  };
}
