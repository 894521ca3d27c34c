import "server-only";
import sharp, { type Sharp } from "sharp";
import { type DesignedCoverText, designedCoverSvg } from "@/lib/pictures/designed-cover";
import { type PictureFormat, pictureContentTypes } from "@/lib/pictures/variants";

/**
 * Makes the variants of a picture with sharp: a stored photo scaled to a width, or a
 * designed cover drawn from its SVG template. Deterministic (same input, same bytes), so
 * two servers making the same variant at once store the same thing.
 */

export interface EncodedVariant {
  data: Buffer;
  contentType: "image/webp" | "image/jpeg";
  width: number;
  height: number;
}

const WEBP_QUALITY = 78;
const JPEG_QUALITY = 80;

function encode(image: Sharp, format: PictureFormat): Sharp {
  return format === "webp"
    ? image.webp({ quality: WEBP_QUALITY, effort: 4 })
    : image.jpeg({ quality: JPEG_QUALITY, mozjpeg: true, progressive: true });
}

async function finish(image: Sharp, format: PictureFormat): Promise<EncodedVariant> {
  const { data, info } = await encode(image, format).toBuffer({ resolveWithObject: true });
  return { data, contentType: pictureContentTypes[format], width: info.width, height: info.height };
}

/** A stored photo (already re-encoded, upright, no metadata) at `width` px wide. */
export async function encodePhotoVariant(
  source: Buffer,
  width: number,
  format: PictureFormat,
): Promise<EncodedVariant> {
  const image = sharp(source, { failOn: "error" })
    .resize({ width, withoutEnlargement: true })
    .flatten({ background: "#ffffff" });
  return finish(image, format);
}

/** A designed cover (column and title on red and gold) at `width` px wide, 16:9. */
export async function renderDesignedCover(
  text: DesignedCoverText,
  width: number,
  format: PictureFormat,
): Promise<EncodedVariant> {
  const svg = Buffer.from(designedCoverSvg(text), "utf8");
  // Drawn at the density that gives `width` directly: text stays crisp at every size.
  const density = Math.max(1, Math.round((72 * width) / 1280));
  const image = sharp(svg, { density }).resize({ width }).flatten({ background: "#7d0f15" });
  return finish(image, format);
}
