import { describe, expect, it } from "vitest";
import { absoluteArticleCoverUrl, articleCoverPath, articlePicture } from "./article-cover";
import { designedCoverHash } from "./designed-cover";
import { parseVariantName, pictureSources, scaledHeight, variantWidths } from "./variants";

describe("variantWidths", () => {
  it("offers the standard widths below a photo and the photo's own width", () => {
    expect(variantWidths(1600)).toEqual([320, 640, 960, 1280, 1600]);
    expect(variantWidths(1000)).toEqual([320, 640, 960, 1000]);
    expect(variantWidths(640)).toEqual([320, 640]);
  });
  it("never enlarges a small photo and caps a large one at 1600", () => {
    expect(variantWidths(200)).toEqual([200]);
    expect(variantWidths(4000)).toEqual([320, 640, 960, 1280, 1600]);
  });
  it("offers nothing for a file of unknown size", () => {
    expect(variantWidths(null)).toEqual([]);
    expect(variantWidths(0)).toEqual([]);
  });
});

describe("parseVariantName", () => {
  it("reads a width and a format", () => {
    expect(parseVariantName("640.webp")).toEqual({ width: 640, format: "webp" });
    expect(parseVariantName("1280.jpg")).toEqual({ width: 1280, format: "jpg" });
    // A tiny picture (a 1×1 cover) has a one-digit width.
    expect(parseVariantName("1.webp")).toEqual({ width: 1, format: "webp" });
  });
  it("refuses anything else", () => {
    for (const name of [
      "640.png",
      "0640.webp",
      "640",
      "640.webp.jpg",
      "../1.jpg",
      "99999.jpg",
      "0.jpg",
    ]) {
      expect(parseVariantName(name)).toBeNull();
    }
  });
});

describe("pictureSources", () => {
  it("lists each width in WebP and JPEG with a middling JPEG fallback", () => {
    const s = pictureSources("/files/x", [320, 640, 960], { width: 960, height: 540 });
    expect(s).toEqual({
      webpSrcSet: "/files/x/320.webp 320w, /files/x/640.webp 640w, /files/x/960.webp 960w",
      jpegSrcSet: "/files/x/320.jpg 320w, /files/x/640.jpg 640w, /files/x/960.jpg 960w",
      src: "/files/x/640.jpg",
      width: 960,
      height: 540,
    });
    expect(pictureSources("/files/x", [], { width: 1, height: 1 })).toBeNull();
  });
  it("keeps proportions", () => {
    expect(scaledHeight({ width: 1600, height: 1067 }, 640)).toBe(427);
  });
});

describe("articlePicture", () => {
  const words = { id: 7, title: "委员走进社区", columnName: "政协之窗" };
  it("uses the cover photo when there is one", () => {
    const p = articlePicture({ ...words, cover: { fileId: "abc", width: 1200, height: 800 } });
    expect(p.designed).toBe(false);
    expect(p.webpSrcSet).toContain("/files/abc/1200.webp 1200w");
    expect([p.width, p.height]).toEqual([1200, 800]);
  });
  it("falls back to the designed cover, named by its words", () => {
    const p = articlePicture({ ...words, cover: null });
    const hash = designedCoverHash(words);
    expect(p.designed).toBe(true);
    expect(p.src).toBe(`/covers/7/${hash}/640.jpg`);
    expect(p.jpegSrcSet).toContain(`/covers/7/${hash}/1280.jpg 1280w`);
    expect([p.width, p.height]).toEqual([1280, 720]);
  });
  it("gives an absolute JPEG cover URL for Open Graph", () => {
    expect(
      absoluteArticleCoverUrl("https://zx.example.gov.cn/", {
        ...words,
        cover: { fileId: "abc", width: 1600, height: 900 },
      }),
    ).toBe("https://zx.example.gov.cn/files/abc/1280.jpg");
    expect(articleCoverPath({ ...words, cover: null })).toEqual({
      path: `/covers/7/${designedCoverHash(words)}/1280.jpg`,
      width: 1280,
      height: 720,
    });
  });
});
