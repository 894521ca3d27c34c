import { RESIZE_QUALITY, resizedSize } from "@/lib/notes/offline";

/**
 * A photo made smaller on the device before it travels (a weak signal carries a 2 MB
 * JPEG where it would choke on a 12 MB original): longest side at most 2048 px, JPEG at
 * 0.85, turned upright as the camera meant it. The server still re-encodes it and strips
 * its metadata. A photo the browser cannot decode (HEIC on some phones) or one already
 * small goes as it is.
 */
export async function shrinkPhoto(file: File): Promise<File> {
  if (typeof createImageBitmap !== "function") return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    return file;
  }
  try {
    const size = resizedSize(bitmap.width, bitmap.height);
    if (!size) return file;
    const blob = await drawJpeg(bitmap, size.width, size.height);
    if (!blob || blob.size >= file.size) return file;
    const name = `${file.name.replace(/\.[^.]*$/, "") || "photo"}.jpg`;
    return new File([blob], name, { type: "image/jpeg", lastModified: file.lastModified });
  } catch {
    return file;
  } finally {
    bitmap.close();
  }
}

async function drawJpeg(bitmap: ImageBitmap, width: number, height: number) {
  if (typeof OffscreenCanvas === "function") {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext("2d");
    if (!context) return null;
    context.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: "image/jpeg", quality: RESIZE_QUALITY });
  }
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d");
  if (!context) return null;
  context.drawImage(bitmap, 0, 0, width, height);
  return new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, "image/jpeg", RESIZE_QUALITY),
  );
}

/** Photos picked without network, made smaller and ready to keep on the device. */
export async function toLocalPhotos(files: File[], maxBytes: number) {
  const shrunk = await Promise.all(files.map(shrinkPhoto));
  const kept = shrunk.filter((file) => file.size <= maxBytes);
  return {
    tooLarge: kept.length < shrunk.length,
    photos: kept.map((file) => ({
      key: `${Date.now()}-${Math.random().toString(36).slice(2)}`,
      name: file.name,
      type: file.type,
      blob: file as Blob,
    })),
  };
}
