import { describe, expect, it } from "vitest";
import { sniffImageKind } from "./image-type";

/** An ISO-BMFF `ftyp` box: size, "ftyp", major brand, minor version, compatible brands. */
function ftyp(major: string, compatible: string[]): Uint8Array {
  const size = 16 + 4 * compatible.length;
  const bytes = new Uint8Array(size + 16);
  new DataView(bytes.buffer).setUint32(0, size);
  bytes.set(new TextEncoder().encode(`ftyp${major}\0\0\0\0${compatible.join("")}`), 4);
  return bytes;
}

describe("image sniffing by content", () => {
  it("recognises JPEG, PNG and WebP by their magic bytes", () => {
    expect(sniffImageKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe("jpeg");
    expect(
      sniffImageKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])),
    ).toBe("png");
    expect(sniffImageKind(new TextEncoder().encode("RIFF\u0010\0\0\0WEBPVP8 "))).toBe("webp");
  });

  it("recognises HEIC by its ftyp brands, including generic HEIF naming HEVC", () => {
    expect(sniffImageKind(ftyp("heic", ["mif1", "heic"]))).toBe("heic");
    expect(sniffImageKind(ftyp("heix", ["mif1"]))).toBe("heic");
    expect(sniffImageKind(ftyp("mif1", ["mif1", "heic"]))).toBe("heic");
  });

  it("refuses AVIF, other containers, text and empty files", () => {
    expect(sniffImageKind(ftyp("avif", ["mif1", "avif"]))).toBeNull();
    expect(sniffImageKind(ftyp("mif1", ["mif1", "avif"]))).toBeNull();
    expect(sniffImageKind(ftyp("isom", ["isom", "mp41"]))).toBeNull();
    expect(
      sniffImageKind(new TextEncoder().encode("这不是图片，只是改了扩展名的文本文件")),
    ).toBeNull();
    expect(sniffImageKind(new TextEncoder().encode("GIF89a"))).toBeNull();
    expect(
      sniffImageKind(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>")),
    ).toBeNull();
    expect(sniffImageKind(new Uint8Array())).toBeNull();
    expect(sniffImageKind(new Uint8Array([0xff, 0xd8]))).toBeNull();
  });
});
