/** heic-convert ships no types: the one call we use. */
declare module "heic-convert" {
  interface ConvertOptions {
    buffer: ArrayBufferLike | Uint8Array;
    format: "JPEG" | "PNG";
    /** 0–1, JPEG only. */
    quality?: number;
  }
  function convert(options: ConvertOptions): Promise<ArrayBuffer | Uint8Array>;
  export default convert;
}
