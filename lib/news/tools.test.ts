import { describe, expect, it } from "vitest";
import { articleSizeHref, parseArticleSize } from "./tools";

describe("article sizes", () => {
  it("reads a known size and falls back to the standard one", () => {
    expect(parseArticleSize("large")).toBe("large");
    expect(parseArticleSize("larger")).toBe("larger");
    expect(parseArticleSize(undefined)).toBe("standard");
    expect(parseArticleSize("huge")).toBe("standard");
    expect(parseArticleSize(["large", "larger"])).toBe("standard");
  });

  it("links each size; the standard one is the plain address", () => {
    expect(articleSizeHref("政协 新闻", "standard")).toBe(
      `/news/${encodeURIComponent("政协 新闻")}`,
    );
    expect(articleSizeHref("a", "larger")).toBe("/news/a?size=larger");
  });
});
