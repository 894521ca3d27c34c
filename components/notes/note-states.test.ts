import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AdminStatusBadge } from "@/components/admin/status-badge";
import { messages } from "@/lib/messages";
import { noteActionLabels, noteHistoryLabel, noteStatusLabels } from "@/lib/messages/note-states";
import { notesMessages } from "@/lib/messages/notes";
import { pipelineNoteMessages } from "@/lib/messages/pipeline/notes";
import { noteActions, noteStatuses } from "@/lib/notes/workflow";
import { StatusBadge } from "./status-badge";

const HAN = /\p{Script=Han}/u;
const text = (html: string) => html.replace(/<[^>]+>/g, "");

describe("one name per note state, in every view", () => {
  it("has a Chinese name for every state and every move", () => {
    for (const s of noteStatuses) expect(noteStatusLabels[s]).toMatch(HAN);
    for (const a of noteActions) expect(noteActionLabels[a]).toMatch(HAN);
  });

  it("gives the member area, the staff console and the statistics the same name", () => {
    for (const s of noteStatuses) {
      const name = noteStatusLabels[s];
      expect(notesMessages.statuses[s], `member: ${s}`).toBe(name);
      expect(pipelineNoteMessages.statuses[s], `staff: ${s}`).toBe(name);
      expect(messages.notes.statuses[s], `member catalogue: ${s}`).toBe(name);
      expect(messages.admin.statuses[s], `staff catalogue (and /stats): ${s}`).toBe(name);
    }
  });

  it("renders the member's and the staff's badge with the same words", () => {
    for (const s of noteStatuses) {
      const member = text(renderToStaticMarkup(h(StatusBadge, { status: s })));
      const staff = text(renderToStaticMarkup(h(AdminStatusBadge, { status: s })));
      expect(member).toBe(noteStatusLabels[s]);
      expect(staff).toBe(member);
    }
  });

  it("words every move of a note's history, the member's own draft included", () => {
    const entry = (action: string, fromStatus: (typeof noteStatuses)[number] | null = null) => ({
      action,
      fromStatus,
      toStatus: "submitted" as const,
    });
    expect(noteHistoryLabel(entry("create"))).toBe("创建草稿");
    expect(noteHistoryLabel(entry("submit", "returned"))).toBe("修改后重新提交");
    for (const a of noteActions) expect(noteHistoryLabel(entry(a))).toMatch(HAN);
    expect(noteHistoryLabel(entry("something_new"))).toBe(noteStatusLabels.submitted);
  });

  it("leaves none of the retired second names in any catalogue or view", () => {
    const root = path.resolve(__dirname, "../..");
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) return files(full);
        return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
      });
    const retired = /已移交|不予采用/;
    const found = ["lib", "components", "app"]
      .flatMap((d) => files(path.join(root, d)))
      .filter((f) => !f.endsWith("note-states.ts") && retired.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(root, f));
    expect(found).toEqual([]);
  });
});
