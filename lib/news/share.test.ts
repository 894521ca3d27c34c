import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { articleCoverUrl, articleUrl } from "./share";

describe("an article's absolute addresses", () => {
  const site = env.SITE_URL.replace(/\/+$/, "");

  it("names the article on SITE_URL, its slug encoded", () => {
    expect(articleUrl("2026-05-gongfu-market")).toBe(`${site}/news/2026-05-gongfu-market`);
    expect(articleUrl("政协 新闻")).toBe(`${site}/news/${encodeURIComponent("政协 新闻")}`);
  });

  it("gives the cover's absolute address for Open Graph, and nothing without a cover", () => {
    expect(articleCoverUrl({ fileId: "f1" })).toBe(`${site}/files/f1`);
    expect(articleCoverUrl(null)).toBeNull();
  });
});
