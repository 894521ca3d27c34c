import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Pager } from "@/components/ui/pager";
import { idleForm, refusedForm } from "@/lib/form-state";
import { bindFields } from "./bind";
import { TextField } from "./fields";
import { FilterForm, FilterInput } from "./filters";
import { DataTable } from "./list";

describe("bindFields", () => {
  it("shows what was typed, else the fallback, with the field's error and a stable id", () => {
    const refused = refusedForm({ title: "改过的", tags: ["a"], pinned: "" }, "有内容需要修改", {
      title: "请填写标题。",
    });
    const field = bindFields("article", refused);
    expect(field.text("title", "原来的")).toEqual({
      id: "article-title",
      name: "title",
      defaultValue: "改过的",
      error: "请填写标题。",
    });
    expect(field.list("tags", ["b"]).checked).toEqual(["a"]);
    expect(field.check("pinned", true).defaultChecked).toBe(false);

    const idle = bindFields<Record<string, string>>("article", idleForm());
    expect(idle.text("title", "原来的").defaultValue).toBe("原来的");
    expect(idle.check("pinned", true).defaultChecked).toBe(true);
  });

  it("wires the error to the field for assistive technology", () => {
    const field = bindFields("f", refusedForm({ title: "" }, "x", { title: "请填写标题。" }));
    const html = renderToStaticMarkup(h(TextField, { ...field.text("title"), label: "标题" }));
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="f-title-error"');
    expect(html).toContain('id="f-title-error"');
    expect(html).toContain('<label for="f-title"');
  });
});

describe("list parts", () => {
  const columns = [
    { header: "标题", cell: (r: { id: number; title: string }) => r.title },
    { header: "数量", cell: (r: { id: number }) => r.id, numeric: true, hideBelow: "md" as const },
  ];

  it("names the table by its caption and heads it from the column list", () => {
    const html = renderToStaticMarkup(
      h(DataTable<{ id: number; title: string }>, {
        caption: "新闻列表",
        columns,
        rows: [{ id: 7, title: "一篇" }],
        rowKey: (r) => r.id,
        empty: "暂无",
      }),
    );
    expect(html).toContain('<caption class="sr-only">新闻列表</caption>');
    expect(html).toContain('<th scope="col"');
    expect(html).toContain("hidden md:table-cell");
    expect(html).toContain("一篇");
  });

  it("shows the empty state instead of an empty table", () => {
    const html = renderToStaticMarkup(
      h(DataTable<{ id: number; title: string }>, {
        caption: "新闻列表",
        columns,
        rows: [],
        rowKey: (r) => r.id,
        empty: "暂无文章",
      }),
    );
    expect(html).not.toContain("<table");
    expect(html).toContain("暂无文章");
  });

  it("filters with a GET form that keeps the hidden parameters", () => {
    const html = renderToStaticMarkup(
      // A plain function of its props (no hooks): called directly.
      FilterForm({
        action: "/admin/news",
        label: "筛选文章",
        keep: { status: "draft", column: null },
        children: h(FilterInput, { id: "news-q", name: "q", label: "关键词", value: "" }),
      }),
    );
    expect(html).toContain('action="/admin/news" method="get"');
    expect(html).toContain('<input type="hidden" name="status" value="draft"/>');
    expect(html).not.toContain('name="column"');
    expect(html).toContain(">筛选</button>");
  });
});

describe("Pager", () => {
  const hrefFor = (p: number) => `/x?page=${p}`;

  it("renders nothing for one page", () => {
    expect(renderToStaticMarkup(h(Pager, { page: 1, pages: 1, hrefFor }))).toBe("");
  });

  it("links previous and next with the status between (console)", () => {
    const html = renderToStaticMarkup(h(Pager, { page: 2, pages: 3, hrefFor }));
    expect(html).toContain('aria-label="分页"');
    expect(html).toContain('rel="prev"');
    expect(html).toContain("上一页");
    expect(html).toContain("第 2 / 3 页");
    expect(html).toContain("下一页");
  });

  it("numbers the pages when asked, marking the current one", () => {
    const labels = {
      label: "分页",
      previous: "上一页",
      next: "下一页",
      page: (n: number) => `第 ${n} 页`,
    };
    const html = renderToStaticMarkup(h(Pager, { page: 1, pages: 2, hrefFor, labels }));
    expect(html).toMatch(/aria-current="page" aria-label="第 1 页"/);
    expect(html).toContain('aria-label="第 2 页"');
    expect(html).not.toContain('rel="prev"');
  });
});
