/** A photo after server/images re-encoded it: JPEG, metadata stripped, its hash and size. */
export interface ProcessedPhoto {
  data: Buffer;
  sha256: string;
  contentType: "image/jpeg";
  byteSize: number;
  width: number;
  height: number;
}
