import { describe, expect, it } from "vitest";
import {
  choiceParam,
  idParam,
  listHref,
  pageCount,
  pageParam,
  pagerFor,
  queryString,
  tabParam,
  textParam,
} from "./list-params";

describe("list parameters", () => {
  it("reads a page number, anything odd being page 1", () => {
    expect(pageParam("3")).toBe(3);
    for (const odd of [undefined, "", "0", "-1", "abc", "1e3", "999999", ["2"]]) {
      expect(pageParam(odd)).toBe(1);
    }
  });

  it("trims and cuts text, ignores repeated parameters", () => {
    expect(textParam("  医卫  ")).toBe("医卫");
    expect(textParam("长".repeat(80), 50)).toHaveLength(50);
    expect(textParam(["a", "b"])).toBe("");
  });

  it("keeps only known choices", () => {
    const choices = ["draft", "published"] as const;
    expect(choiceParam("draft", choices, "all")).toBe("draft");
    expect(choiceParam("__proto__", choices, null)).toBeNull();
    expect(choiceParam(undefined, choices, "all")).toBe("all");
  });

  it("reads ids", () => {
    expect(idParam("12")).toBe(12);
    expect(idParam("0")).toBeNull();
    expect(idParam("1e3")).toBeNull();
  });

  it("counts pages, at least one", () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(41, 20)).toBe(3);
  });

  it("writes the non-empty parameters and leaves page 1 out", () => {
    expect(queryString({ q: "", status: null, page: 1 })).toBe("");
    expect(queryString({ q: "义诊", page: 2 })).toBe(`?q=${encodeURIComponent("义诊")}&page=2`);
    const link = listHref("/admin/news", { status: "draft", q: "a" });
    expect(link()).toBe("/admin/news?status=draft&q=a");
    expect(link({ status: null, page: 3 })).toBe("/admin/news?q=a&page=3");
  });

  it("reads a tab, the default one left out of links", () => {
    const tab = tabParam({ filter: "past" }, "filter", ["upcoming", "past"], "upcoming");
    expect(tab.current).toBe("past");
    expect(tab.shown).toBe("past");
    expect(tab.param("upcoming")).toBeNull();
    expect(
      tabParam({ filter: "odd" }, "filter", ["upcoming", "past"], "upcoming").shown,
    ).toBeNull();
  });

  it("gives a list's pager its page count and links", () => {
    const pager = pagerFor(2, 41, 20, listHref("/admin/events", { q: "x" }));
    expect(pager.pages).toBe(3);
    expect(pager.hrefFor(3)).toBe("/admin/events?q=x&page=3");
    expect(pager.hrefFor(1)).toBe("/admin/events?q=x");
  });
});
