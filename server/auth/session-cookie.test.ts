import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it } from "vitest";
import {
  REFRESH_AFTER_MS,
  readSessionCookie,
  resealSession,
  sessionCookieUpdate,
} from "./session-cookie";
import { SESSION_COOKIE, sessionLimits } from "./session-settings";

/** What the memo keeps (session-cookie.ts), read back to tell a kept answer from a new one. */
const memo = () =>
  (globalThis as unknown as Record<symbol, Map<string, { payload: Record<string, unknown> }>>)[
    Symbol.for("lvzhi.decodedSessionTokens")
  ];

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

const waitUntil = (at: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

beforeEach(() => {
  holder.__lvzhiAuthSecret = "a".repeat(43);
});

describe("readSessionCookie, read again within a request", () => {
  it("decrypts once: a second read is answered from what was kept, a copy for each caller", async () => {
    const now = Date.now();
    const token = await signedIn(now);
    const first = await readSessionCookie(jar(token), now);
    expect(first?.uid).toBe(7);
    const kept = memo()?.get(token);
    expect(kept?.payload.uid).toBe(7);
    // Change what was kept: only a read that did not decrypt again can see it.
    if (kept) kept.payload.uid = 8;
    const second = await readSessionCookie(jar(token), now);
    expect(second?.uid).toBe(8);
    if (second) second.uid = 9;
    if (first) first.uid = 10;
    expect((await readSessionCookie(jar(token), now))?.uid).toBe(8);
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

  it("stops answering from what was kept once the token is past its exp and next-auth's leeway", async () => {
    // At the start of a second, so that the token below still decrypts during this one.
    await waitUntil(Math.ceil(Date.now() / 1000) * 1000 + 20);
    const now = Date.now();
    const claims = { uid: 7, sv: 1, sid: "t".repeat(24), authTime: now, lastSeen: now };
    // Expired 14 s ago: next-auth still decrypts it for the rest of this second (15 s leeway).
    const token = await encode({
      token: claims,
      secret: holder.__lvzhiAuthSecret ?? "",
      salt: SESSION_COOKIE,
      maxAge: -14,
    });
    const first = await readSessionCookie(jar(token), Date.now());
    expect(first?.uid).toBe(7);
    const refusedFrom = ((first?.exp as number) + 15) * 1000;
    expect(refusedFrom).toBeLessThanOrEqual(now + 1_000);
    // Well within the memo's few seconds, but past the instant next-auth would refuse it.
    await waitUntil(refusedFrom + 20);
    expect(await readSessionCookie(jar(token), Date.now())).toBeNull();
  });
});

describe("sessionCookieUpdate, the proxy's idle timer", () => {
  const none = { get: () => undefined };

  it("keeps a session read within the minute, quiet until its refresh is due", async () => {
    const at = Date.now();
    const token = await signedIn(at);
    expect(await sessionCookieUpdate(jar(token), at + 20_000)).toEqual({
      action: "keep",
      quietMs: REFRESH_AFTER_MS - 20_000,
    });
    // A last-activity time a little ahead (another instance's clock): quiet a minute at most.
    expect(await sessionCookieUpdate(jar(token), at - 5_000)).toEqual({
      action: "keep",
      quietMs: REFRESH_AFTER_MS,
    });
  });

  it("refreshes a session once its minute is over, with a new last-activity time, then a quiet minute", async () => {
    const at = Date.now();
    const token = await signedIn(at);
    const later = at + REFRESH_AFTER_MS;
    const update = await sessionCookieUpdate(jar(token), later);
    expect(update.action).toBe("refresh");
    if (update.action !== "refresh") return;
    expect(update.quietMs).toBe(REFRESH_AFTER_MS);
    expect(update.expires.getTime()).toBe(later + sessionLimits.idleMs);
    const again = await readSessionCookie(jar(update.value), later);
    expect(again?.lastSeen).toBe(later);
  });

  it("deletes a session that idled out, and has nothing to keep quiet without a session", async () => {
    const at = Date.now();
    const token = await signedIn(at);
    expect(await sessionCookieUpdate(jar(token), at + sessionLimits.idleMs)).toEqual({
      action: "delete",
    });
    expect(await sessionCookieUpdate(none, at)).toEqual({ action: "keep", quietMs: 0 });
  });
});
