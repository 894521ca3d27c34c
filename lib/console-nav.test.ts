import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { consoleHref, consoleNavFor } from "./console-nav";

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

  it("shows an admin every page, in section order", () => {
    const nav = consoleNavFor(user("admin"));
    expect(nav.map((s) => s.section)).toEqual(["pipeline", "content", "system"]);
    expect(nav.flatMap((s) => s.pages).length).toBe(15);
  });

  it("hides from an editor what only an admin may open", () => {
    const pages = consoleNavFor(user("editor")).flatMap((s) => s.pages.map((p) => p.page));
    expect(pages).toContain("news");
    expect(pages).not.toContain("audit");
    expect(pages).not.toContain("users");
  });

  it("shows a member nothing", () => {
    expect(consoleNavFor(user("member"))).toEqual([]);
  });
});
