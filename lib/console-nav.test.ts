import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { consoleHomeFor, consoleHref, consoleNavFor } from "./console-nav";

const user = (role: SessionUser["role"]): SessionUser => ({
  id: 1,
  username: role,
  displayName: role,
  role,
  sectorId: 1,
  organisationId: null,
});

describe("console navigation", () => {
  it("links the dashboard at /admin and every other page below it", () => {
    expect(consoleHref("dashboard")).toBe("/admin");
    expect(consoleHref("audit")).toBe("/admin/audit");
  });

  const pagesOf = (role: SessionUser["role"]) =>
    consoleNavFor(user(role)).flatMap((s) => s.pages.map((p) => p.page));

  it("shows the system administrator every page but accounts and the audit log", () => {
    const nav = consoleNavFor(user("admin"));
    expect(nav.map((s) => s.section)).toEqual(["pipeline", "content", "system", "mine"]);
    expect(pagesOf("admin")).toHaveLength(16);
    expect(pagesOf("admin")).toContain("notifications");
    expect(pagesOf("admin")).toContain("settings");
    expect(pagesOf("admin")).not.toContain("users");
    expect(pagesOf("admin")).not.toContain("audit");
  });

  it("shows the security administrator accounts only, the auditor the audit log only", () => {
    expect(pagesOf("security")).toEqual(["users", "messages"]);
    expect(pagesOf("auditor")).toEqual(["audit", "messages"]);
  });

  it("gives every staff role its message centre, last, and no member", () => {
    for (const role of ["admin", "editor", "security", "auditor"] as const) {
      expect(pagesOf(role).at(-1)).toBe("messages");
    }
    expect(consoleHref("messages")).toBe("/admin/messages");
    expect(pagesOf("member")).not.toContain("messages");
  });

  it("sends each kind of staff to the first page they may open", () => {
    expect(consoleHomeFor(user("admin"))).toBe("/admin");
    expect(consoleHomeFor(user("editor"))).toBe("/admin");
    expect(consoleHomeFor(user("security"))).toBe("/admin/users");
    expect(consoleHomeFor(user("auditor"))).toBe("/admin/audit");
    expect(consoleHomeFor(user("member"))).toBeNull();
  });

  it("hides from an editor what only an administrator may open", () => {
    const pages = pagesOf("editor");
    expect(pages).toContain("news");
    expect(pages).not.toContain("audit");
    expect(pages).not.toContain("users");
    expect(pages).not.toContain("settings");
  });

  it("shows a member nothing", () => {
    expect(consoleNavFor(user("member"))).toEqual([]);
  });
});
