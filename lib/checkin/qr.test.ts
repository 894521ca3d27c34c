import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import { drawAddressQr, drawQr } from "./qr";

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

describe("drawAddressQr", () => {
  it("draws an address once and gives the same code again, still readable", () => {
    const url = "https://lvzhi.example.cn/news/bench-1";
    const first = drawAddressQr(url);
    expect(drawAddressQr(url)).toBe(first);
    const { rgba, side } = rasterise(first);
    expect(jsQR(rgba, side, side)?.data).toBe(url);
  });

  it("keeps only the latest addresses", () => {
    const first = drawAddressQr("https://lvzhi.example.cn/news/a-0");
    for (let i = 1; i <= 500; i++) drawAddressQr(`https://lvzhi.example.cn/news/a-${i}`);
    expect(drawAddressQr("https://lvzhi.example.cn/news/a-0")).not.toBe(first);
  });
});
