import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { articleSharePicture, articleUrl } from "./share";

describe("an article's absolute addresses", () => {
  const site = env.SITE_URL.replace(/\/+$/, "");

  it("names the article on SITE_URL, its slug encoded", () => {
    expect(articleUrl("2026-05-gongfu-market")).toBe(`${site}/news/2026-05-gongfu-market`);
    expect(articleUrl("政协 新闻")).toBe(`${site}/news/${encodeURIComponent("政协 新闻")}`);
  });

  it("gives Open Graph a JPEG of the cover photo, or of the designed cover without one", () => {
    const photo = articleSharePicture({
      id: 7,
      title: "委员走进社区",
      columnName: "委员风采",
      cover: { fileId: "f1", width: 2000, height: 1000 },
    });
    expect(photo).toEqual({ url: `${site}/files/f1/1280.jpg`, width: 1280, height: 640 });
    const designed = articleSharePicture({
      id: 7,
      title: "委员走进社区",
      columnName: "委员风采",
      cover: null,
    });
    expect(designed.url).toMatch(new RegExp(`^${site}/covers/7/[^/]+/\\d+\\.jpg$`));
  });
});
