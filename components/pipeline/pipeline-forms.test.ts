import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { idleForm } from "@/lib/form-state";
import { AnswerForm } from "./answer-form";
import { DepartmentForm } from "./department-form";
import { NoteReviewForm } from "./note-review-form";
import { TransferForm } from "./transfer-form";

const action = async () => idleForm();
const templates = [{ id: 3, title: "退回：请补充具体情况" }];

describe("pipeline forms on the console kit", () => {
  it("names the answer form after its department and labels its fields", () => {
    const html = renderToStaticMarkup(
      h(AnswerForm, {
        action,
        noteId: 1,
        version: 2,
        transferId: 3,
        departmentName: "区民政局",
        templates,
        permalink: "/admin/notes/1",
      }),
    );
    expect(html).toContain("记录区民政局的答复");
    expect(html).toMatch(/<label for="[^"]+-answer"[^>]*>答复内容<\/label>/);
    expect(html).toMatch(/<label for="[^"]+-satisfaction-satisfied">满意<\/label>/);
    expect(html).toMatch(/value="template"[^>]*name="intent"/);
  });

  it("keeps the reason's label and hint on the review form", () => {
    const html = renderToStaticMarkup(
      h(NoteReviewForm, {
        action,
        noteId: 1,
        version: 2,
        actions: ["accept", "return"],
        templates,
        permalink: "/admin/notes/1",
      }),
    );
    expect(html).toMatch(/<label for="[^"]+-reason"[^>]*>理由（委员可见）<\/label>/);
    expect(html).toMatch(/aria-describedby="[^"]+-reason-hint"/);
    expect(html).toContain('value="accept"');
  });

  it("lists departments as checkboxes and bounds the due date", () => {
    const html = renderToStaticMarkup(
      h(TransferForm, {
        action,
        noteId: 1,
        version: 2,
        departments: [{ id: 7, name: "区卫生健康局" }],
        defaultDueOn: "2026-12-20",
        minDueOn: "2026-12-06",
        permalink: "/admin/notes/1",
      }),
    );
    expect(html).toMatch(/name="departments" value="7"/);
    expect(html).toContain(">区卫生健康局</label>");
    expect(html).toContain('min="2026-12-06"');
    expect(html).toContain('value="2026-12-20"');
  });

  it("sends a department's active tick as the schema reads it", () => {
    const html = renderToStaticMarkup(
      h(DepartmentForm, { action, permalink: "/admin/departments" }),
    );
    expect(html).toMatch(/name="active" checked="" value="on"/);
    expect(html).toContain("部门名称");
  });
});
