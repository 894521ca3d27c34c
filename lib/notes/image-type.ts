/**
 * What kind of image a file is, from its first bytes (its "magic number"), never from
 * its name or the type the browser claims: a text file renamed to .jpg is not a photo.
 * Accepted: JPEG, PNG, WebP and HEIC/HEIF (what iPhones save).
 */
export const acceptedImageKinds = ["jpeg", "png", "webp", "heic"] as const;
export type ImageKind = (typeof acceptedImageKinds)[number];

/** The `accept` attribute of the photo picker (a hint to the browser; the server decides). */
export const PHOTO_ACCEPT = "image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif";

/**
 * ISO-BMFF brands of HEIF images coded with HEVC. AVIF (`avif`, `avis`) shares the
 * container but not the codec and is not accepted.
 */
const HEIC_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"]);
/** Generic HEIF brands: accepted when a compatible brand says HEVC. */
const HEIF_GENERIC_BRANDS = new Set(["mif1", "msf1", "mif2"]);

const ascii = (bytes: Uint8Array, start: number, end: number) =>
  String.fromCharCode(...bytes.subarray(start, end));

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

const JPEG = [0xff, 0xd8, 0xff] as const;
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

/** The image kind of `bytes`, or null when it is none of the accepted ones. */
export function sniffImageKind(bytes: Uint8Array): ImageKind | null {
  if (startsWith(bytes, JPEG)) return "jpeg";
  if (startsWith(bytes, PNG)) return "png";
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") {
    return "webp";
  }
  if (isHeic(bytes)) return "heic";
  return null;
}

/** `....ftypheic` — an ISO-BMFF file whose first box is `ftyp` naming an HEVC image brand. */
function isHeic(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== "ftyp") return false;
  const boxSize =
    ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0);
  if (boxSize < 16 || boxSize > 4096) return false;
  const end = Math.min(boxSize, bytes.length);
  const major = ascii(bytes, 8, 12);
  // Compatible brands follow the major brand (4 bytes) and the minor version (4 bytes).
  const compatible: string[] = [];
  for (let offset = 16; offset + 4 <= end; offset += 4)
    compatible.push(ascii(bytes, offset, offset + 4));
  if (HEIC_BRANDS.has(major)) return true;
  if (HEIF_GENERIC_BRANDS.has(major) || compatible.some((b) => HEIF_GENERIC_BRANDS.has(b))) {
    return compatible.some((brand) => HEIC_BRANDS.has(brand));
  }
  return false;
}

/**
 * The largest picture a HEIF file declares, in pixels (its `ispe` properties: a grid's
 * tiles and the whole image each have one), read before anything is decoded; null when
 * it declares none.
 */
export function heifDeclaredPixels(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let largest: number | null = null;
  // The item properties sit in the `meta` box at the start of the file.
  const end = Math.min(bytes.length - 16, 1 << 20);
  for (let i = 4; i <= end; i += 1) {
    if (bytes[i] !== 0x69 || ascii(bytes, i, i + 4) !== "ispe") continue;
    const pixels = view.getUint32(i + 8) * view.getUint32(i + 12);
    largest = Math.max(largest ?? 0, pixels);
  }
  return largest;
}
