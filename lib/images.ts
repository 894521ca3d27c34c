/** A photo after server/images re-encoded it: JPEG, metadata stripped, its hash and size. */
export interface ProcessedPhoto {
  data: Buffer;
  sha256: string;
  contentType: "image/jpeg";
  byteSize: number;
  width: number;
  height: number;
}

/** A cover image after server/images/reencode.ts re-encoded it: JPEG, no metadata. */
export interface EncodedImage {
  data: Buffer;
  contentType: "image/jpeg";
  width: number;
  height: number;
}
