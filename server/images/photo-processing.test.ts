import ExifReader from "exifreader";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { MAX_PHOTO_BYTES } from "@/lib/notes/form-state";
import { PHOTO_MAX_EDGE, PHOTO_MAX_INPUT_PIXELS, processPhoto } from "./photo-processing";

/** A phone-like JPEG: landscape pixels, EXIF orientation "rotate 90°", a camera and a GPS fix. */
async function phoneJpeg(width = 64, height = 48) {
  return sharp({ create: { width, height, channels: 3, background: "#b3161f" } })
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: "TestPhone", Model: "T-1" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "30/1 45/1 12/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "120/1 44/1 30/1",
      },
    })
    .jpeg()
    .toBuffer();
}

/** CRC-32 (PNG chunks), so that a hand-made header is a valid one. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A tiny PNG whose header declares `width` × `height` (a decompression bomb's shape). */
function pngDeclaring(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const body = new Uint8Array([...new TextEncoder().encode(type), ...data]);
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(body, 4);
    view.setUint32(8 + data.length, crc32(body));
    return out;
  };
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return new Uint8Array([
    ...signature,
    ...chunk("IHDR", ihdr),
    ...chunk("IDAT", new Uint8Array([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    ...chunk("IEND", new Uint8Array()),
  ]);
}

/** A HEIC file's start: its brands, and an `ispe` property declaring `width` × `height`. */
function heicDeclaring(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(256);
  bytes.set([0, 0, 0, 24, ...new TextEncoder().encode("ftypheic\0\0\0\0mif1heic")]);
  const ispe = new Uint8Array(20);
  const view = new DataView(ispe.buffer);
  view.setUint32(0, 20);
  ispe.set(new TextEncoder().encode("ispe"), 4);
  view.setUint32(12, width);
  view.setUint32(16, height);
  bytes.set(ispe, 64);
  return bytes;
}

async function refusal(input: Uint8Array) {
  try {
    await processPhoto(input);
  } catch (error) {
    return error instanceof AppError ? error.code : error;
  }
  return null;
}

describe("photo processing", () => {
  it("re-encodes a JPEG upright, without EXIF or GPS", async () => {
    const input = await phoneJpeg();
    expect(ExifReader.load(input, { expanded: true }).gps).toBeDefined();

    const photo = await processPhoto(input);
    const tags = ExifReader.load(photo.data, { expanded: true });
    expect(tags.gps).toBeUndefined();
    expect(tags.exif).toBeUndefined();
    expect(Object.keys(tags)).toEqual(["file"]);
    // Orientation 6 applied to the pixels: 64×48 becomes 48×64.
    expect([photo.width, photo.height]).toEqual([48, 64]);
    expect(photo.contentType).toBe("image/jpeg");
    expect(photo.byteSize).toBe(photo.data.byteLength);
    expect(photo.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("shrinks large pictures to 2560 px on the longer edge and keeps small ones", async () => {
    const big = await sharp({
      create: { width: 3000, height: 1500, channels: 4, background: "#2a6f4f80" },
    })
      .png()
      .toBuffer();
    const photo = await processPhoto(big);
    expect([photo.width, photo.height]).toEqual([PHOTO_MAX_EDGE, 1280]);
    expect((await sharp(photo.data).metadata()).format).toBe("jpeg");

    const small = await sharp({
      create: { width: 40, height: 30, channels: 3, background: "#fff" },
    })
      .webp()
      .toBuffer();
    expect(await processPhoto(small)).toMatchObject({ width: 40, height: 30 });
  });

  it("refuses what is not a picture, whatever its name, and broken pictures", async () => {
    expect(await refusal(new TextEncoder().encode("我是一个文本文件，名字叫 photo.jpg"))).toBe(
      "not_image",
    );
    expect(await refusal(new TextEncoder().encode("GIF89a\u0001\u0000"))).toBe("not_image");
    const broken = new Uint8Array(2048).fill(7);
    broken.set([0xff, 0xd8, 0xff, 0xe0]);
    expect(await refusal(broken)).toBe("unreadable");
    const fakeHeic = new Uint8Array(1024).fill(1);
    fakeHeic.set([0, 0, 0, 24, ...new TextEncoder().encode("ftypheic\0\0\0\0mif1heic")]);
    expect(await refusal(fakeHeic)).toBe("unreadable");
  });

  it("refuses files over 15 MB before decoding them", async () => {
    const huge = new Uint8Array(MAX_PHOTO_BYTES + 1);
    huge.set([0xff, 0xd8, 0xff, 0xe0]);
    expect(await refusal(huge)).toBe("too_large");
  });

  it("refuses pictures that declare too many pixels, before decoding them", async () => {
    // 14000 × 14000 = 196 megapixels in a few hundred bytes.
    expect(await refusal(pngDeclaring(14_000, 14_000))).toBe("too_many_pixels");
    expect(await refusal(heicDeclaring(20_000, 20_000))).toBe("too_many_pixels");
    // At the limit the header passes, and the (empty) picture is then found unreadable.
    const side = Math.floor(Math.sqrt(PHOTO_MAX_INPUT_PIXELS));
    expect(await refusal(pngDeclaring(side, side))).toBe("unreadable");
    expect(await refusal(heicDeclaring(4032, 3024))).toBe("unreadable");
  });
});
