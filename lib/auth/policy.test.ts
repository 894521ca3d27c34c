import { describe, expect, it } from "vitest";
import {
  afterFailure,
  judgeSession,
  LOCKOUT,
  lockedUntil,
  normalisePhone,
  safeNextPath,
} from "./policy";

const t0 = new Date("2026-05-20T02:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

describe("lockout", () => {
  it("locks on the fifth failure in a row, for fifteen minutes", () => {
    let state: { failedLoginCount: number; lockedUntil: Date | null } = {
      failedLoginCount: 0,
      lockedUntil: null,
    };
    for (let i = 1; i <= 4; i++) {
      const next = afterFailure(state, t0);
      expect(next.lockedNow).toBe(false);
      expect(next.failedLoginCount).toBe(i);
      state = next;
    }
    const fifth = afterFailure(state, t0);
    expect(fifth.lockedNow).toBe(true);
    expect(fifth.lockedUntil).toEqual(minutes(15));
    expect(LOCKOUT.maxFailures).toBe(5);
    expect(lockedUntil(fifth, minutes(14.99))).toEqual(minutes(15));
    expect(lockedUntil(fifth, minutes(15))).toBeNull();
  });
});

describe("session timeouts", () => {
  const limits = { idleMs: 30 * 60_000, maxMs: 12 * 3600_000 };
  const claims = {
    sid: "2f1c0e6b-3a4d-4c8e-9f5a-1b2c3d4e5f60",
    uid: 3,
    sv: 1,
    authTime: t0.getTime(),
    lastSeen: t0.getTime(),
  };

  it("keeps an active session, ends an idle one and one past its lifetime", () => {
    expect(judgeSession(claims, minutes(29).getTime(), limits)).toBe("ok");
    expect(judgeSession(claims, minutes(30).getTime(), limits)).toBe("idle");
    const active = { ...claims, lastSeen: minutes(12 * 60 - 1).getTime() };
    expect(judgeSession(active, minutes(12 * 60 - 0.5).getTime(), limits)).toBe("ok");
    expect(judgeSession(active, minutes(12 * 60).getTime(), limits)).toBe("expired");
  });

  it("refuses missing or forged claims", () => {
    expect(judgeSession(null, t0.getTime(), limits)).toBe("malformed");
    expect(judgeSession({ ...claims, uid: 0 }, t0.getTime(), limits)).toBe("malformed");
    expect(judgeSession({ sv: 1, authTime: 1, lastSeen: 1 }, t0.getTime(), limits)).toBe(
      "malformed",
    );
    const future = { ...claims, lastSeen: minutes(60).getTime() };
    expect(judgeSession(future, t0.getTime(), limits)).toBe("malformed");
  });
});

describe("safeNextPath", () => {
  it("keeps paths on this site", () => {
    expect(safeNextPath("/member/notes?page=2", "/x")).toBe("/member/notes?page=2");
    expect(safeNextPath("/member/profile", "")).toBe("/member/profile");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "javascript:alert(1)",
    "member",
    "/login",
    "/login/verify",
    "/api/auth/signout",
    "/logout",
    "\u0000/x",
    "/a\tb",
  ])("refuses %j", (value) => {
    expect(safeNextPath(value, "/fallback")).toBe("/fallback");
  });

  it("keeps encoded characters encoded (no header injection through Location)", () => {
    expect(safeNextPath("/%0d%0aSet-Cookie:x", "/f")).toBe("/%0d%0aSet-Cookie:x");
    expect(safeNextPath("/a\r\nb", "/f")).toBe("/f");
  });

  it("refuses what is not a string", () => {
    expect(safeNextPath(undefined, "/f")).toBe("/f");
    expect(safeNextPath(["/a"], "/f")).toBe("/f");
  });
});

describe("normalisePhone", () => {
  it("accepts mainland mobile numbers written several ways", () => {
    expect(normalisePhone("13800000001")).toBe("13800000001");
    expect(normalisePhone("+86 138-0000-0001")).toBe("13800000001");
    expect(normalisePhone("86 13800000001")).toBe("13800000001");
  });

  it("refuses what cannot be one", () => {
    expect(normalisePhone("member1")).toBeNull();
    expect(normalisePhone("1380000000")).toBeNull();
    expect(normalisePhone("23800000001")).toBeNull();
  });
});
