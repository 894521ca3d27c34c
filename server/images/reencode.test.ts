import ExifReader from "exifreader";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { reencodeImage } from "./reencode";

async function expectRefusal(promise: Promise<unknown>, code: string, field?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (field !== undefined) expect((error as AppError).field).toBe(field);
}

describe("cover images", () => {
  it("re-encodes to a JPEG without metadata, at most 1600 px a side", async () => {
    const withExif = await sharp({
      create: { width: 2400, height: 1200, channels: 3, background: "#9a121a" },
    })
      .jpeg()
      .withExif({ IFD0: { Artist: "Zhang Minghua", Copyright: "secret-owner" } })
      .toBuffer();
    expect(JSON.stringify(ExifReader.load(withExif))).toContain("Zhang Minghua");
    const image = await reencodeImage(withExif);
    expect(image.contentType).toBe("image/jpeg");
    expect(image.width).toBe(1600);
    expect(image.height).toBe(800);
    const tags = ExifReader.load(image.data);
    expect(tags.Artist).toBeUndefined();
    expect(JSON.stringify(tags)).not.toContain("Zhang Minghua");
    expect(JSON.stringify(tags)).not.toContain("secret-owner");
  });

  it("refuses what is not an image", async () => {
    await expectRefusal(
      reencodeImage(new TextEncoder().encode("<script>alert(1)</script>")),
      "bad_image",
      "cover",
    );
    await expectRefusal(reencodeImage(new Uint8Array()), "bad_image");
  });
});
