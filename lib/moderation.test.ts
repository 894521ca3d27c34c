import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/time";
import {
  daysBetween,
  escapeLike,
  isDateKey,
  isTransferOverdue,
  parseNoteRefs,
  parseQueueFilters,
  permissionForNoteAction,
  queueHref,
  toIdArray,
} from "./moderation";

describe("queue filters", () => {
  it("reads every filter of the GET form", () => {
    const { filters, badDate } = parseQueueFilters({
      q: "  托育 ",
      status: "submitted",
      category: "livelihood",
      sector: "3",
      town: "4",
      author: "5",
      from: "2026-11-01",
      to: "2026-11-30",
      page: "2",
    });
    expect(badDate).toBe(false);
    expect(filters).toEqual({
      q: "托育",
      status: "submitted",
      category: "livelihood",
      sectorId: 3,
      townId: 4,
      authorId: 5,
      from: "2026-11-01",
      to: "2026-11-30",
      page: 2,
    });
    expect(queueHref(filters, 2)).toBe(
      "/admin/notes?q=%E6%89%98%E8%82%B2&status=submitted&category=livelihood&sector=3&town=4&author=5&from=2026-11-01&to=2026-11-30&page=2",
    );
  });

  it("drops what it does not understand, and never shows drafts", () => {
    const { filters, badDate } = parseQueueFilters({
      status: "draft",
      category: "x' or 1=1",
      sector: "-1",
      town: "abc",
      from: "2026-02-30",
      page: "0",
      q: "长".repeat(80),
    });
    expect(filters.status).toBeNull();
    expect(filters.category).toBeNull();
    expect(filters.sectorId).toBeNull();
    expect(filters.townId).toBeNull();
    expect(filters.from).toBeNull();
    expect(filters.page).toBe(1);
    expect(filters.q).toHaveLength(50);
    expect(badDate).toBe(true);
    expect(queueHref({})).toBe("/admin/notes");
  });
});

describe("dates and transfers", () => {
  it("knows real calendar dates", () => {
    expect(isDateKey("2026-02-28")).toBe(true);
    expect(isDateKey("2028-02-29")).toBe(true);
    expect(isDateKey("2026-02-29")).toBe(false);
    expect(isDateKey("2026-13-01")).toBe(false);
    expect(isDateKey("26-1-1")).toBe(false);
  });

  it("counts days across months and years", () => {
    expect(addDays("2026-12-25", 10)).toBe("2027-01-04");
    expect(daysBetween("2026-11-19", "2026-11-26")).toBe(7);
    expect(daysBetween("2026-11-26", "2026-11-19")).toBe(-7);
  });

  it("flags a pending transfer only once its due day has passed", () => {
    expect(isTransferOverdue({ status: "pending", dueOn: "2026-11-25" }, "2026-11-26")).toBe(true);
    expect(isTransferOverdue({ status: "pending", dueOn: "2026-11-26" }, "2026-11-26")).toBe(false);
    expect(isTransferOverdue({ status: "answered", dueOn: "2026-11-01" }, "2026-11-26")).toBe(
      false,
    );
  });
});

describe("small helpers", () => {
  it("parses the bulk form's note references and ignores junk", () => {
    expect(parseNoteRefs(["12:3", "12:4", "x", "5:1", "7", "0:1", 9])).toEqual([
      { noteId: 12, version: 4 },
      { noteId: 5, version: 1 },
    ]);
  });

  it("escapes LIKE wildcards", () => {
    expect(escapeLike("100%_a\\b")).toBe("100\\%\\_a\\\\b");
  });

  it("reads Postgres arrays in either form", () => {
    expect(toIdArray([1, "2"])).toEqual([1, 2]);
    expect(toIdArray("{3,4}")).toEqual([3, 4]);
    expect(toIdArray("{}")).toEqual([]);
    expect(toIdArray(null)).toEqual([]);
  });

  it("maps each workflow action to the permission it needs", () => {
    expect(permissionForNoteAction("accept")).toBe("note.review");
    expect(permissionForNoteAction("return")).toBe("note.review");
    expect(permissionForNoteAction("reject")).toBe("note.review");
    expect(permissionForNoteAction("transfer")).toBe("note.transfer");
    expect(permissionForNoteAction("answer")).toBe("note.answer");
    expect(permissionForNoteAction("close")).toBe("note.close");
    expect(permissionForNoteAction("submit")).toBe("note.submit");
  });
});
