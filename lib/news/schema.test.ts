import { describe, expect, it } from "vitest";
import { emptyArticleValues, parseArticleForm } from "./schema";

const TZ = "Asia/Shanghai";
const valid = {
  ...emptyArticleValues,
  title: "  新城街道  共富集市 ",
  columnId: "2",
  body: "正文\r\n\r\n第二段  ",
};

describe("parseArticleForm", () => {
  it("tidies and converts a valid form", () => {
    const result = parseArticleForm(
      { ...valid, sectorIds: ["3", "3", "5"], publishedAt: "2026-05-12T14:30" },
      TZ,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.title).toBe("新城街道 共富集市");
    expect(result.data.body).toBe("正文\n\n第二段");
    expect(result.data.columnId).toBe(2);
    expect(result.data.slug).toBeNull();
    expect(result.data.sectorIds).toEqual([3, 5]);
    // 14:30 in Shanghai is 06:30 UTC.
    expect(result.data.publishedAt?.toISOString()).toBe("2026-05-12T06:30:00.000Z");
    expect(result.data.status).toBe("draft");
  });

  it("names every field at fault in Chinese", () => {
    const result = parseArticleForm(
      {
        ...emptyArticleValues,
        title: "",
        slug: "Bad Slug!",
        columnId: "",
        status: "deleted",
        publishedAt: "2026-02-30T10:00",
        eventId: "1; drop table",
        summary: "长".repeat(201),
        sectorIds: ["x"],
      },
      TZ,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({
      title: "请填写标题。",
      slug: expect.stringContaining("网址标识"),
      columnId: "请选择栏目。",
      status: "发布状态的选项无效，请重新选择。",
      publishedAt: "发布时间的日期或时间格式不正确。",
      eventId: "相关活动的选项无效，请重新选择。",
      summary: "摘要不能超过 200 个字。",
      sectorIds: "相关界别的选项无效，请重新选择。",
    });
  });

  it("accepts a slug of lower-case letters, digits and hyphens", () => {
    const result = parseArticleForm({ ...valid, slug: "2026-market-Upgrade" }, TZ);
    expect(result.ok && result.data.slug).toBe("2026-market-upgrade");
  });
});
