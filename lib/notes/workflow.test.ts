import { describe, expect, it } from "vitest";
import {
  availableActions,
  isAdopted,
  isEditableByAuthor,
  type NoteStatus,
  noteStatuses,
  transition,
} from "./workflow";

describe("field note workflow", () => {
  it("walks the whole happy path", () => {
    let status: NoteStatus = "draft";
    const steps = [
      ["submit", "author"],
      ["accept", "editor"],
      ["transfer", "admin"],
      ["answer", "admin"],
      ["close", "admin"],
    ] as const;
    for (const [action, actor] of steps) {
      const result = transition(status, action, actor);
      expect(result.ok, `${action} from ${status}`).toBe(true);
      if (result.ok) status = result.to;
    }
    expect(status).toBe("closed");
  });

  it("sends a note back to its author with a reason, and takes it again", () => {
    expect(transition("submitted", "return", "editor")).toEqual({
      ok: false,
      code: "reason_required",
    });
    expect(transition("submitted", "return", "editor", "  ")).toEqual({
      ok: false,
      code: "reason_required",
    });
    expect(transition("submitted", "return", "editor", "请补充走访地点")).toEqual({
      ok: true,
      to: "returned",
    });
    expect(transition("returned", "submit", "author")).toEqual({ ok: true, to: "submitted" });
  });

  it("refuses moves by the wrong person", () => {
    expect(transition("submitted", "accept", "author")).toEqual({
      ok: false,
      code: "not_allowed_for_actor",
    });
    expect(transition("draft", "submit", "admin")).toEqual({
      ok: false,
      code: "not_allowed_for_actor",
    });
    // Transfers to departments are the committee office's call.
    expect(transition("accepted", "transfer", "editor")).toEqual({
      ok: false,
      code: "not_allowed_for_actor",
    });
  });

  it("refuses moves from the wrong state, and nothing leaves a final state", () => {
    expect(transition("draft", "accept", "admin")).toEqual({
      ok: false,
      code: "not_allowed_from_status",
    });
    for (const final of ["closed", "rejected"] as const) {
      for (const actor of ["author", "editor", "admin"] as const) {
        expect(availableActions(final, actor)).toEqual([]);
      }
    }
  });

  it("lists the moves each actor has", () => {
    expect(availableActions("submitted", "editor")).toEqual(["return", "accept", "reject"]);
    expect(availableActions("answered", "admin")).toEqual(["transfer", "close"]);
    expect(availableActions("returned", "author")).toEqual(["submit"]);
  });

  it("lets the author edit only drafts and returned notes", () => {
    const editable = noteStatuses.filter(isEditableByAuthor);
    expect(editable).toEqual(["draft", "returned"]);
    expect(noteStatuses.filter(isAdopted)).toEqual([
      "accepted",
      "transferred",
      "answered",
      "closed",
    ]);
  });
});
