import { beforeEach, describe, expect, it, vi } from "vitest";
import { readSessionCookie, resealSession } from "./session-cookie";

// next-auth's own entry point does not load outside Next; its JWE (next-auth/jwt) does.
const SESSION_COOKIE = "authjs.session-token";
const sessionLimits = { idleMs: 30 * 60_000, maxMs: 12 * 3_600_000 };
const decrypted = vi.hoisted(() => ({ count: 0 }));
vi.mock("next-auth/jwt", async (original) => {
  const jwt = await original<typeof import("next-auth/jwt")>();
  return {
    ...jwt,
    decode: (...args: Parameters<typeof jwt.decode>) => {
      decrypted.count += 1;
      return jwt.decode(...args);
    },
  };
});
vi.mock("./next-auth", () => ({
  SESSION_COOKIE: "authjs.session-token",
  ENDED_SESSION_COOKIE: "lvzhi_session_ended",
  secureCookies: false,
  sessionLimits: { idleMs: 30 * 60_000, maxMs: 12 * 3_600_000 },
}));

/**
 * The session cookie read twice a request (proxy.ts, then the page): the second read may
 * reuse the first's decryption, and must still refuse whatever the first would refuse.
 */

const holder = globalThis as unknown as { __lvzhiAuthSecret?: string };
const jar = (value: string, ended?: string) => ({
  get: (name: string) =>
    name === SESSION_COOKIE
      ? { value }
      : ended && name !== SESSION_COOKIE
        ? { value: ended }
        : undefined,
});

async function signedIn(now: number) {
  const claims = { uid: 7, sv: 1, sid: "s".repeat(24), authTime: now, lastSeen: now };
  return (await resealSession(claims, {}, now)).value;
}

beforeEach(() => {
  holder.__lvzhiAuthSecret = "a".repeat(43);
});

describe("readSessionCookie, read again within a request", () => {
  it("decrypts once, and gives the same claims each time, a copy the caller may change", async () => {
    const now = Date.now();
    const token = await signedIn(now);
    const before = decrypted.count;
    const first = await readSessionCookie(jar(token), now);
    expect(first?.uid).toBe(7);
    if (first) first.uid = 8;
    expect((await readSessionCookie(jar(token), now))?.uid).toBe(7);
    expect(decrypted.count - before).toBe(1);
  });

  it("refuses a changed token, an idle or ended session, and a token of an old secret", async () => {
    const now = Date.now();
    const token = await signedIn(now);
    expect(await readSessionCookie(jar(token), now)).not.toBeNull();
    const changed = `${token.slice(0, -2)}${token.endsWith("A") ? "B" : "A"}${token.slice(-1)}`;
    expect(await readSessionCookie(jar(changed), now)).toBeNull();
    expect(await readSessionCookie(jar(token), now + sessionLimits.idleMs)).toBeNull();
    expect(await readSessionCookie(jar(token, "s".repeat(24)), now)).toBeNull();
    holder.__lvzhiAuthSecret = "b".repeat(43);
    expect(await readSessionCookie(jar(token), now)).toBeNull();
  });
});
