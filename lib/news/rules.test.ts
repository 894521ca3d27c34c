import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import {
  absoluteUrl,
  type FeedArticle,
  feedHref,
  formatCoverCredit,
  isUuid,
  newsListHref,
  pageCount,
  pageWindow,
  parsePageParam,
  renderNewsFeed,
  visibilityEpoch,
} from "./rules";

describe("pagination", () => {
  it.each([
    [undefined, 1],
    ["1", 1],
    ["2", 2],
    ["120", 120],
    ["0", null],
    ["-1", null],
    ["2.5", null],
    ["abc", null],
    ["", null],
    ["01", null],
    ["9999999", null],
    [["1", "2"], null],
  ] as const)("parsePageParam(%j) → %j", (raw, expected) => {
    expect(parsePageParam(raw as string | string[] | undefined)).toBe(expected);
  });

  it("counts pages, an empty list keeping its page 1", () => {
    expect(pageCount(0, 8)).toBe(1);
    expect(pageCount(8, 8)).toBe(1);
    expect(pageCount(9, 8)).toBe(2);
    expect(pageCount(9, 6)).toBe(2);
  });

  it("shows the first, the last and the neighbours, with gaps", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 2)).toEqual([1, 2]);
    expect(pageWindow(1, 5)).toEqual([1, 2, null, 5]);
    expect(pageWindow(3, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageWindow(10, 20)).toEqual([1, null, 9, 10, 11, null, 20]);
    // A gap of one page shows that page rather than an ellipsis.
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pageWindow(5, 9)).toEqual([1, null, 4, 5, 6, null, 9]);
  });

  it("builds list and feed URLs, leaving defaults out", () => {
    expect(newsListHref(null)).toBe("/news");
    expect(newsListHref(null, 2)).toBe("/news?page=2");
    expect(newsListHref("jiebie-dongtai")).toBe("/news?column=jiebie-dongtai");
    expect(newsListHref("jiebie-dongtai", 3)).toBe("/news?column=jiebie-dongtai&page=3");
    expect(feedHref("rss")).toBe("/feed.xml");
    expect(feedHref("atom", "tongzhi-gonggao")).toBe("/atom.xml?column=tongzhi-gonggao");
  });
});

describe("article helpers", () => {
  it("joins absolute URLs whatever the trailing slash", () => {
    expect(absoluteUrl("https://zx.example.cn", "/news")).toBe("https://zx.example.cn/news");
    expect(absoluteUrl("https://zx.example.cn/", "/news")).toBe("https://zx.example.cn/news");
    expect(absoluteUrl("https://zx.example.cn/", "news")).toBe("https://zx.example.cn/news");
  });

  it("words the cover credit once", () => {
    expect(formatCoverCredit("区政协办公室")).toBe("图片由区政协办公室提供");
    expect(formatCoverCredit("秀洲区政协办公室 供图")).toBe("秀洲区政协办公室 供图");
    expect(formatCoverCredit("张三 摄")).toBe("张三 摄");
    expect(formatCoverCredit("  ")).toBeNull();
    expect(formatCoverCredit(null)).toBeNull();
  });

  it("recognises file ids", () => {
    expect(isUuid("7d9f4b7e-2f7c-4c44-9e55-0c7c6f0f8a11")).toBe(true);
    expect(isUuid("7d9f4b7e")).toBe(false);
    expect(isUuid("../etc/passwd")).toBe(false);
  });
});

describe("visibilityEpoch", () => {
  const t = (iso: string) => new Date(iso);
  const schedule = {
    computedAt: t("2026-06-01T00:00:00Z"),
    upcoming: [t("2026-06-01T02:00:00Z"), t("2026-06-03T02:00:00Z")],
    complete: true,
  };

  it("stays at the read time until the first scheduled article is due", () => {
    expect(visibilityEpoch(t("2026-06-01T01:59:59Z"), schedule)).toEqual(schedule.computedAt);
  });

  it("moves to each scheduled time once it has passed", () => {
    expect(visibilityEpoch(t("2026-06-01T02:00:00Z"), schedule)).toEqual(schedule.upcoming[0]);
    expect(visibilityEpoch(t("2026-06-02T00:00:00Z"), schedule)).toEqual(schedule.upcoming[0]);
    expect(visibilityEpoch(t("2026-06-05T00:00:00Z"), schedule)).toEqual(schedule.upcoming[1]);
  });

  it("never runs ahead of now: a truncated schedule falls back to the minute", () => {
    const truncated = { ...schedule, complete: false };
    expect(visibilityEpoch(t("2026-06-05T00:00:42Z"), truncated)).toEqual(
      t("2026-06-05T00:00:00Z"),
    );
  });

  it("asks for exactly now when the schedule was read after now (an article of this minute shows)", () => {
    expect(visibilityEpoch(t("2026-05-31T23:59:30Z"), schedule)).toEqual(t("2026-05-31T23:59:30Z"));
  });
});

describe("renderNewsFeed", () => {
  const articles: FeedArticle[] = [
    {
      slug: "second",
      title: "委员走进“共富集市” <现场>",
      summary: "摘要 & 更多",
      // Stored HTML (lib/rich-text): a same-site link, a picture, and a script that must not pass.
      body: '<p>正文，见<a href="/events/3">活动</a>。</p><img src="/files/0b9e3c57-4d0a-4a8e-9d55-2f4b8c1e7a10" alt="现场"><p>&lt;script&gt; 是文字</p><script>alert(1)</script>',
      publishedAt: new Date("2026-05-17T01:00:00Z"),
      updatedAt: new Date("2026-05-17T01:00:00Z"),
      reporter: "周文澜",
      correspondent: "陆思远",
      columnName: "委员风采",
      cover: {
        fileId: "7d9f4b7e-2f7c-4c44-9e55-0c7c6f0f8a11",
        contentType: "image/jpeg",
        byteSize: 1234,
        credit: "区政协办公室",
      },
    },
    {
      slug: "first",
      title: "调研月启动",
      summary: "",
      body: "<h2>安排</h2><ol><li>一</li></ol>",
      publishedAt: new Date("2026-05-09T02:00:00Z"),
      updatedAt: new Date("2026-05-09T02:00:00Z"),
      reporter: null,
      correspondent: "区政协办公室",
      columnName: "通知公告",
      cover: null,
    },
  ];
  const input = {
    siteUrl: "https://zx.example.cn/",
    siteName: "秀洲政协",
    committeeName: "政协嘉兴市秀洲区委员会",
    column: null,
    articles,
    asOf: new Date("2026-06-01T00:00:00Z"),
  };
  const parser = new Parser({ customFields: { item: ["dc:creator", "content:encoded"] } });

  it("writes RSS 2.0 that a feed reader parses, with absolute links", async () => {
    const xml = renderNewsFeed({ ...input, format: "rss" });
    const feed = await parser.parseString(xml);
    expect(feed.title).toBe("秀洲政协 · 新闻");
    expect(feed.link).toBe("https://zx.example.cn/news");
    expect(feed.items.map((i) => i.title)).toEqual(["委员走进“共富集市” <现场>", "调研月启动"]);
    const [first] = feed.items;
    expect(first?.link).toBe("https://zx.example.cn/news/second");
    expect(first?.guid).toBe("https://zx.example.cn/news/second");
    expect(new Date(first?.pubDate ?? "").toISOString()).toBe("2026-05-17T01:00:00.000Z");
    expect(first?.["content:encoded"]).toContain('href="https://zx.example.cn/events/3"');
    expect(first?.["content:encoded"]).toContain("&lt;script&gt; 是文字");
    expect(first?.["content:encoded"]).not.toContain("<script>");
    expect(first?.["content:encoded"]).toContain(
      'src="https://zx.example.cn/files/0b9e3c57-4d0a-4a8e-9d55-2f4b8c1e7a10"',
    );
    expect(first?.["content:encoded"]).toContain("图片由区政协办公室提供");
    expect(first?.enclosure).toMatchObject({
      url: "https://zx.example.cn/files/7d9f4b7e-2f7c-4c44-9e55-0c7c6f0f8a11",
      type: "image/jpeg",
    });
    expect(xml).toContain("<dc:creator>周文澜</dc:creator>");
    expect(xml).toContain('<atom:link href="https://zx.example.cn/feed.xml" rel="self"');
  });

  it("writes Atom with escaped HTML titles, authors and a per-column self link", async () => {
    const xml = renderNewsFeed({
      ...input,
      format: "atom",
      column: { slug: "weiyuan-fengcai", name: "委员风采" },
    });
    const feed = await parser.parseString(xml);
    expect(feed.title).toBe("秀洲政协 · 委员风采");
    expect(xml).toContain(
      '<link rel="self" href="https://zx.example.cn/atom.xml?column=weiyuan-fengcai"/>',
    );
    expect(xml).toContain("委员走进“共富集市” &lt;现场&gt;");
    expect(xml).toContain("<name>周文澜</name>");
    expect(xml).toContain("<updated>2026-05-17T01:00:00.000Z</updated>");
    expect(feed.items[1]?.link).toBe("https://zx.example.cn/news/first");
  });

  it("dates an empty feed by the epoch", () => {
    const xml = renderNewsFeed({ ...input, format: "atom", articles: [] });
    expect(xml).toContain("<updated>2026-06-01T00:00:00.000Z</updated>");
  });
});
