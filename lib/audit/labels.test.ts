import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditActions } from "@/lib/audit/actions";
import { describeAuditDetails } from "@/lib/audit/describe";
import {
  auditActionLabel,
  auditActionLabels,
  auditDetailLabels,
} from "@/lib/messages/cms/audit-labels";
import { noteActions } from "@/lib/notes/workflow";

const HAN = /\p{Script=Han}/u;
const root = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "migrations" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$|test-[\w-]+\.ts$/.test(name) ? [full] : [];
  });
}

/** Files that write audit entries, through writeAudit or one of its helpers. */
const writers = ["db", "server", "app"]
  .flatMap((d) => sourceFiles(path.join(root, d)))
  .filter((f) =>
    /writeAudit\(|recordAudit\(|auditStaffWrite\(|auditNote\(|auditAccountChange\(|insert\(auditLog\)/.test(
      readFileSync(f, "utf8"),
    ),
  );

describe("audit actions in words", () => {
  it("finds the files that write the audit log", () => {
    expect(writers.length).toBeGreaterThan(20);
  });

  it("gives every action of the vocabulary a Chinese label", () => {
    const missing = auditActions.filter((a) => !HAN.test(auditActionLabels[a] ?? ""));
    expect(missing).toEqual([]);
  });

  it("knows every action a source file writes (a new action needs its words)", () => {
    // news/write.ts names the permission it asks can() for `action` too (article.edit).
    const known = new Set<string>([...auditActions, "article.edit"]);
    const unknown = new Set<string>();
    for (const file of writers) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/["'`]([a-z_]+(?:\.[a-z_]+)+)["'`]/g)) {
        const literal = match[1] ?? "";
        // Only where an action is given: `action: …`, `const action = …` (ternaries too),
        // or the first word of an audit helper's call.
        const before = text.slice(Math.max(0, match.index - 160), match.index);
        const inAction =
          /(?:\baction\s*[:=]|auditNote\(\s*\w+,\s*\w+,|auditAccountChange\(|\baudit\(\s*tx,\s*ctx,)[^;{}()]*$/.test(
            before,
          );
        if (inAction && !known.has(literal))
          unknown.add(`${path.relative(root, file)}: ${literal}`);
      }
    }
    expect([...unknown]).toEqual([]);
  });

  it("covers the moves of a note and the directory's writes, which are written by template", () => {
    for (const a of noteActions) expect(HAN.test(auditActionLabel(`note.${a}`))).toBe(true);
    for (const t of ["sector", "town", "organisation", "topic"])
      for (const verb of ["create", "update"])
        expect(HAN.test(auditActionLabel(`${t}.${verb}`))).toBe(true);
    for (const t of ["sector", "town", "organisation"])
      for (const verb of ["photo.upload", "photo.remove"])
        expect(HAN.test(auditActionLabel(`${t}.${verb}`))).toBe(true);
  });

  it("never shows an unknown action's code", () => {
    expect(auditActionLabel("something.new")).toBe("其他操作");
  });
});

describe("audit details in words", () => {
  it("renders a note move as Chinese pairs, not JSON", () => {
    const lines = describeAuditDetails(
      { to: "transferred", from: "accepted", departmentIds: [3, 4], dueOn: "2026-12-31" },
      "Asia/Shanghai",
    );
    expect(lines).toEqual([
      { label: "原状态", value: "已采纳" },
      { label: "新状态", value: "已转办" },
      { label: "职能部门编号", value: "3、4" },
      { label: "办理时限", value: "2026-12-31" },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/accepted|transferred/);
  });

  it("puts instants in the committee's zone, booleans as 是/否, unknown keys as 其他", () => {
    const lines = describeAuditDetails(
      { lockedUntil: "2026-05-12T06:30:00.000Z", passwordOk: false, mystery: 1 },
      "Asia/Shanghai",
    );
    expect(lines.find((l) => l.label === "锁定至")?.value).toContain("14:30");
    expect(lines).toContainEqual({ label: "密码是否正确", value: "否" });
    expect(lines.at(-1)).toEqual({ label: "其他", value: "1" });
  });

  it("gives every detail key a Chinese label", () => {
    const bad = Object.entries(auditDetailLabels).filter(([, l]) => !HAN.test(l));
    expect(bad).toEqual([]);
  });
});
