import { AsyncLocalStorage } from "node:async_hooks";
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_AWAKE_COOKIE } from "@/server/auth/session-settings";

/**
 * Where proxy.ts runs (its matcher, as Next reads it): every member, staff and login page,
 * where it keeps the idle timer going; not the note photos, which a page loads right after
 * it refreshed the cookie and whose route checks the session itself.
 */

let runsOn: (url: string, cookies?: Record<string, string>) => boolean;

beforeAll(async () => {
  // Next's runtime provides this global; its testing helper needs it outside Next too.
  (globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
  const { unstable_doesMiddlewareMatch } = await import("next/experimental/testing/server");
  const { config } = await import("./proxy");
  runsOn = (url, cookies) => unstable_doesMiddlewareMatch({ config, url, cookies });
});

describe("proxy.ts's matcher", () => {
  it("runs on the member area's pages, actions and uploads, the console and the login", () => {
    for (const url of [
      "/member",
      "/member/notes",
      "/member/notes/new",
      "/member/notes/12?submitted=1",
      "/member/notes/12/edit",
      "/member/messages",
      "/member/photos",
      "/admin",
      "/admin/notes/12",
      "/login",
      "/login?next=%2Fmember",
    ]) {
      expect(runsOn(url), url).toBe(true);
    }
  });

  it("does not run on note photos, nor on the public site", () => {
    for (const url of ["/member/photos/12", "/member/photos/12?v=2", "/", "/news", "/api/health"]) {
      expect(runsOn(url), url).toBe(false);
    }
  });

  it("does not run while the browser sends the cookie that says the session was just read", () => {
    for (const url of ["/member", "/member/notes/new", "/admin/notes/12", "/login"]) {
      expect(runsOn(url, { [SESSION_AWAKE_COOKIE]: "1" }), url).toBe(false);
      expect(runsOn(url, { lvzhi_elder: "1" }), url).toBe(true);
    }
  });
});
