import { describe, expect, it } from "vitest";
import { pipelineErrors, pipelineNoteMessages } from "../messages/pipeline/notes";
import { pipelineWorkMessages } from "../messages/pipeline/work";
import {
  commentSchema,
  departmentSchema,
  proposalSchema,
  reviewSchema,
  transferSchema,
} from "./forms";

const firstMessages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe("pipeline forms", () => {
  it("reads a review: ids and a known move; the reason is cut, not refused", () => {
    const ok = reviewSchema.safeParse({
      noteId: "12",
      version: "3",
      action: "return",
      reason: "x".repeat(1200),
    });
    expect(ok.success && ok.data).toMatchObject({ noteId: 12, version: 3, action: "return" });
    expect(ok.success && ok.data.reason.length).toBe(1000);
    expect(reviewSchema.safeParse({ noteId: "12", version: "NaN", action: "accept" }).success).toBe(
      false,
    );
    expect(
      reviewSchema.safeParse({ noteId: "12", version: "1", action: "accept'; drop" }).success,
    ).toBe(false);
  });

  it("bounds a transfer's due date to today … a year ahead and asks for a department", () => {
    const schema = transferSchema("2026-05-20", "2027-05-21");
    const base = { noteId: "1", version: "1", departments: ["4"] };
    expect(schema.safeParse({ ...base, dueOn: "2026-05-20" }).success).toBe(true);
    for (const dueOn of ["1900-01-01", "9999-12-31", "2026-02-30", "<script>"]) {
      expect(firstMessages(schema.safeParse({ ...base, dueOn })).dueOn).toBe(
        pipelineErrors.bad_due_date,
      );
    }
    expect(
      firstMessages(schema.safeParse({ ...base, departments: [], dueOn: "2026-06-01" }))
        .departments,
    ).toBe(pipelineErrors.no_departments);
  });

  it("refuses an empty or overlong comment with one message", () => {
    const required = pipelineNoteMessages.note.commentRequired;
    expect(firstMessages(commentSchema.safeParse({ noteId: "1", body: "  \n " })).body).toBe(
      required,
    );
    expect(
      firstMessages(commentSchema.safeParse({ noteId: "1", body: "字".repeat(2001) })).body,
    ).toBe(required);
  });

  it("reads a department: a name, an order of 0–999 (empty is 0), active as a tick", () => {
    const d = pipelineWorkMessages.departments;
    const ok = departmentSchema.safeParse({
      name: " 区民政局 ",
      contact: "",
      sortOrder: "",
      active: "yes",
      id: "",
    });
    expect(ok.success && ok.data).toEqual({
      id: null,
      name: "区民政局",
      contact: "",
      sortOrder: 0,
      active: true,
    });
    const ticked = departmentSchema.safeParse({
      name: "区民政局",
      contact: "",
      sortOrder: "1",
      active: "on",
    });
    expect(ticked.success && ticked.data.active).toBe(true);
    const unticked = departmentSchema.safeParse({ name: "区民政局", contact: "", sortOrder: "1" });
    expect(unticked.success && unticked.data.active).toBe(false);
    expect(
      firstMessages(departmentSchema.safeParse({ name: "  ", contact: "", sortOrder: "1" })).name,
    ).toBe(d.nameRequired);
    expect(
      firstMessages(departmentSchema.safeParse({ name: "部门", contact: "", sortOrder: "1e99" }))
        .sortOrder,
    ).toBe(d.sortOrderInvalid);
  });

  it("reads a proposal's links as distinct ids", () => {
    const ok = proposalSchema.safeParse({
      title: "生育支持",
      number: "",
      summary: "",
      year: "2026",
      kind: "proposal",
      researchTopicId: "abc",
      notes: ["3", "3", "x", "5"],
      members: [],
      id: "",
    });
    expect(ok.success && ok.data).toMatchObject({
      researchTopicId: null,
      notes: [3, 5],
      members: [],
      id: null,
    });
  });
});
