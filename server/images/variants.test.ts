import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { encodePhotoVariant, renderDesignedCover } from "./variants";

async function photo(width: number, height: number): Promise<Buffer> {
  // A gradient, so the encoders have something to do.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g"><stop offset="0" stop-color="#2a6"/><stop offset="1" stop-color="#fc3"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg().toBuffer();
}

describe("encodePhotoVariant", () => {
  it("scales a photo to the width asked, keeping its proportions, as WebP or JPEG", async () => {
    const source = await photo(1600, 1000);
    const webp = await encodePhotoVariant(source, 640, "webp");
    expect(webp.contentType).toBe("image/webp");
    expect([webp.width, webp.height]).toEqual([640, 400]);
    expect(webp.data.subarray(8, 12).toString("ascii")).toBe("WEBP");
    const meta = await sharp(webp.data).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 640, 400]);

    const jpeg = await encodePhotoVariant(source, 320, "jpg");
    expect(jpeg.contentType).toBe("image/jpeg");
    expect([...jpeg.data.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect((await sharp(jpeg.data).metadata()).width).toBe(320);
  });
  it("is deterministic, so a variant made twice is the same bytes", async () => {
    const source = await photo(800, 600);
    const a = await encodePhotoVariant(source, 320, "webp");
    const b = await encodePhotoVariant(source, 320, "webp");
    expect(a.data.equals(b.data)).toBe(true);
  });
});

describe("renderDesignedCover", () => {
  it("draws a 16:9 cover in the committee's red at each width", async () => {
    const cover = await renderDesignedCover(
      { columnName: "政协之窗", title: "委员走进社区听民声" },
      640,
      "jpg",
    );
    expect(cover.contentType).toBe("image/jpeg");
    expect([cover.width, cover.height]).toEqual([640, 360]);
    const { data, info } = await sharp(cover.data).raw().toBuffer({ resolveWithObject: true });
    // A pixel near the top left corner inside the frame is deep red.
    const at = (x: number, y: number) => {
      const i = (y * info.width + x) * info.channels;
      return [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
    };
    const [r, g, b] = at(40, 60);
    expect(r).toBeGreaterThan(120);
    expect(g).toBeLessThan(60);
    expect(b).toBeLessThan(60);
  });
  it("shows the title: two titles give different pictures, the same title the same one", async () => {
    const one = await renderDesignedCover(
      { columnName: "政协之窗", title: "委员走进社区" },
      320,
      "webp",
    );
    const again = await renderDesignedCover(
      { columnName: "政协之窗", title: "委员走进社区" },
      320,
      "webp",
    );
    const other = await renderDesignedCover(
      { columnName: "政协之窗", title: "界别协商会召开" },
      320,
      "webp",
    );
    expect(one.data.equals(again.data)).toBe(true);
    expect(one.data.equals(other.data)).toBe(false);
    expect(one.data.subarray(8, 12).toString("ascii")).toBe("WEBP");
  });
  it("draws the title in white strokes (a CJK font is found: text pixels exist)", async () => {
    const cover = await renderDesignedCover(
      { columnName: "政协之窗", title: "委员走进社区" },
      1280,
      "jpg",
    );
    const { data, info } = await sharp(cover.data)
      .extract({ left: 120, top: 280, width: 600, height: 80 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    let white = 0;
    for (let i = 0; i < data.length; i += info.channels) {
      if ((data[i] ?? 0) > 230 && (data[i + 1] ?? 0) > 230 && (data[i + 2] ?? 0) > 230) white++;
    }
    expect(white).toBeGreaterThan(500);
  });
});
