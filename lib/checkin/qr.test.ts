import jsQR from "jsqr";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { addressQrPng, drawQr, latestMemo } from "./qr";

/** Paints the drawing's path (runs of `M x y h w v1 h-w z`) as a decoder sees a photo. */
function rasterise(drawing: { size: number; path: string }, scale = 6) {
  const side = drawing.size * scale;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const run of drawing.path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(run[1]), Number(run[2]), Number(run[3])];
    for (let py = y * scale; py < (y + 1) * scale; py++) {
      for (let px = x * scale; px < (x + w) * scale; px++) {
        const i = (py * side + px) * 4;
        rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
      }
    }
  }
  return { rgba, side };
}

describe("drawQr", () => {
  it("draws a code a decoder reads back, with its quiet zone", () => {
    for (const text of [
      "K7QM-3XPD",
      "https://lvzhi.example.cn/member/checkin?e=12&t=29478411.abcdefghijklmnopqrstuv",
    ]) {
      const drawing = drawQr(text);
      expect(drawing.path).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
      const { rgba, side } = rasterise(drawing);
      expect(jsQR(rgba, side, side)?.data).toBe(text);
    }
  });

  it("leaves four light modules on every side", () => {
    const drawing = drawQr("K7QM-3XPD");
    const xs = [...drawing.path.matchAll(/M(\d+) (\d+)h(\d+)/g)];
    expect(Math.min(...xs.map((m) => Number(m[1])))).toBe(4);
    expect(Math.min(...xs.map((m) => Number(m[2])))).toBe(4);
    expect(Math.max(...xs.map((m) => Number(m[1]) + Number(m[3])))).toBe(drawing.size - 4);
  });
});

/** Decodes a PNG the way a phone reads a picture: its pixels, by a real decoder. */
async function readPng(png: Buffer) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { text: jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data, info };
}

describe("addressQrPng", () => {
  it("draws an address as a PNG a decoder reads back, large enough for a phone's screen", async () => {
    const url = "https://lvzhi.example.cn/news/bench-1";
    const png = await addressQrPng(url);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const { text, info } = await readPng(png);
    expect(text).toBe(url);
    expect(info.width).toBe(info.height);
    expect(info.width).toBeGreaterThanOrEqual(300);
    // A light quiet zone: the first row of pixels is white.
    const { data } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect(Math.min(...data.subarray(0, info.width))).toBe(255);
  });

  it("draws an address once and gives the same picture again", async () => {
    const url = "https://lvzhi.example.cn/news/bench-2";
    const first = addressQrPng(url);
    expect(addressQrPng(url)).toBe(first);
    expect((await readPng(await first)).text).toBe(url);
  });
});

describe("latestMemo", () => {
  it("computes a key once, keeps the latest keys and forgets a failure", async () => {
    const calls: string[] = [];
    const memo = latestMemo(3, async (key) => {
      calls.push(key);
      if (key === "bad") throw new Error("no");
      return key.toUpperCase();
    });
    expect(await memo("a")).toBe("A");
    expect(await memo("a")).toBe("A");
    expect(calls).toEqual(["a"]);
    await memo("b");
    await memo("c");
    await memo("a"); // a is now the latest; b the oldest
    await memo("d"); // drops b
    await memo("a");
    expect(calls).toEqual(["a", "b", "c", "d"]);
    await memo("b");
    expect(calls).toEqual(["a", "b", "c", "d", "b"]);
    await expect(memo("bad")).rejects.toThrow("no");
    await expect(memo("bad")).rejects.toThrow("no");
    expect(calls.filter((k) => k === "bad")).toHaveLength(2);
  });
});
