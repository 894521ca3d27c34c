import { describe, expect, it } from "vitest";
import { designedCoverHash, designedCoverSvg, wrapTitle } from "./designed-cover";

describe("designedCoverHash", () => {
  it("is stable for the same words and changes with the title or column", () => {
    const a = designedCoverHash({ columnName: "政协之窗", title: "委员走进社区" });
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(designedCoverHash({ columnName: "政协之窗", title: "委员走进社区" })).toBe(a);
    expect(designedCoverHash({ columnName: "政协之窗", title: "委员走进乡村" })).not.toBe(a);
    expect(designedCoverHash({ columnName: "界别动态", title: "委员走进社区" })).not.toBe(a);
  });
});

describe("wrapTitle", () => {
  it("breaks Chinese titles by characters and ends a cut title with an ellipsis", () => {
    expect(wrapTitle("一二三四五六七", 3, 3)).toEqual(["一二三", "四五六", "七"]);
    expect(wrapTitle("一二三四五六七八九十", 3, 3)).toEqual(["一二三", "四五六", "七八…"]);
  });
  it("never starts a line with a closing punctuation mark", () => {
    expect(wrapTitle("一二三，四五", 3, 3)).toEqual(["一二三，", "四五"]);
  });
});

describe("designedCoverSvg", () => {
  it("draws the column and title, escaped, on the committee's red", () => {
    const svg = designedCoverSvg({ columnName: "通知<公告>", title: 'A & B "会议"' });
    expect(svg).toContain("通知&lt;公告&gt;");
    expect(svg).toContain("A &amp; B &quot;会议&quot;");
    expect(svg).toContain("#b3161f");
    expect(svg).toContain("#c8962e");
    expect(svg).not.toMatch(/<script/i);
  });
});
