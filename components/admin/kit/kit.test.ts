import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Pager } from "@/components/ui/pager";
import { idleForm, refusedForm } from "@/lib/form-state";
import { listHref, tabParam } from "@/lib/list-params";
import { bindFields } from "./bind";
import { ConsoleForm } from "./console-form";
import { TextField } from "./fields";
import { FilterForm, FilterInput, ListFilter } from "./filters";
import { columnsFor, DataTable, listTabs, Section } from "./list";

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

  it("passes a date field's bounds and a placeholder", () => {
    const html = renderToStaticMarkup(
      h(TextField, {
        id: "t-due",
        name: "due",
        label: "期限",
        type: "date",
        defaultValue: "",
        min: "2026-01-01",
        max: "2027-01-01",
        placeholder: "可留空",
      }),
    );
    expect(html).toContain('min="2026-01-01"');
    expect(html).toContain('max="2027-01-01"');
    expect(html).toContain('placeholder="可留空"');
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

describe("list page helpers", () => {
  it("builds tabs from the tab parameter, the default choice without a parameter", () => {
    const tab = tabParam({ status: "draft", page: "3" }, "status", ["all", "draft"], "all");
    const link = listHref("/admin/news", { status: tab.shown, page: 3 });
    const tabs = listTabs("状态", tab, (s) => s.toUpperCase(), link);
    expect(tabs.label).toBe("状态");
    expect(tabs.items).toEqual([
      { href: "/admin/news", label: "ALL", current: false },
      { href: "/admin/news?status=draft", label: "DRAFT", current: true },
    ]);
  });

  it("renders the usual filter row: selects, the keyword, the count, the tab kept", () => {
    const html = renderToStaticMarkup(
      ListFilter({
        action: "/admin/news",
        label: "筛选文章",
        keep: { status: "draft" },
        total: 7,
        selects: [{ name: "column", label: "栏目", value: "a", all: "全部栏目", options: [] }],
        search: { label: "关键词", value: "x", maxLength: 50 },
      }),
    );
    expect(html).toContain('aria-label="筛选文章"');
    expect(html).toContain('<input type="hidden" name="status" value="draft"/>');
    expect(html).toContain('<label for="news-column"');
    expect(html).toContain(">全部栏目</option>");
    expect(html).toContain('<label for="news-q"');
    expect(html).toContain("共 7 条");
  });

  it("builds link and time columns for a row type", () => {
    const col = columnsFor<{ id: number; title: string; at: Date | null }>("Asia/Shanghai");
    const html = renderToStaticMarkup(
      h(DataTable<{ id: number; title: string; at: Date | null }>, {
        caption: "列表",
        rows: [{ id: 3, title: "一行", at: new Date("2026-03-01T02:30:00Z") }],
        columns: [
          col.link("标题", (r) => ({ href: `/admin/x/${r.id}`, text: r.title })),
          col.time("时间", (r) => r.at),
        ],
      }),
    );
    expect(html).toContain(
      '<a class="font-medium text-brand-800 hover:underline" href="/admin/x/3">一行</a>',
    );
    expect(html).toContain("2026-03-01 10:30");
    expect(html).toContain("<tr>"); // keyed by id without a rowKey
  });

  it("names a section, boxed or not, by its heading", () => {
    const plain = renderToStaticMarkup(Section({ id: "s", title: "列表", children: "x" }));
    const boxed = renderToStaticMarkup(
      Section({ id: "p", title: "操作", boxed: true, children: "x" }),
    );
    expect(plain).toContain('<section aria-labelledby="s"><h2 id="s"');
    expect(boxed).toMatch(/<section aria-labelledby="p" class="rounded-md border[^"]*"><h2 id="p"/);
  });
});

describe("ConsoleForm", () => {
  it("sends the hidden fields, leaves out empty ones, names the save button", () => {
    const html = renderToStaticMarkup(
      // No hooks of its own: called directly.
      ConsoleForm({
        form: { state: idleForm(), formAction: () => {}, pending: false },
        hidden: { id: 4, updatedAt: null },
        submit: "保存",
        intent: "save",
        children: h("p", null, "字段"),
      }),
    );
    expect(html).toContain('<input type="hidden" name="id" value="4"/>');
    expect(html).not.toContain('name="updatedAt"');
    expect(html).toContain("<p>字段</p>");
    expect(html).toMatch(
      /<button type="submit"[^>]* value="save"[^>]*name="intent">保存<\/button>/,
    );
  });
});
