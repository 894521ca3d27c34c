import { decode, encode } from "next-auth/jwt";
import { judgeSession, type SessionClaims } from "@/lib/auth/policy";
import {
  ENDED_SESSION_COOKIE,
  SESSION_COOKIE,
  secureCookies,
  sessionLimits,
} from "./session-settings";
import { getAuthSecret } from "./tokens";

/**
 * Reading and refreshing next-auth's session cookie without a database (the proxy uses
 * this; server/auth/session.ts adds the database check). Same JWE, secret and salt as
 * next-auth itself.
 */

type CookieReader = { get(name: string): { value: string } | undefined };

/** The claims of a session cookie that decrypts, has not timed out and was not ended here. */
export async function readSessionCookie(
  cookies: CookieReader,
  now = Date.now(),
): Promise<(SessionClaims & Record<string, unknown>) | null> {
  const token = cookies.get(SESSION_COOKIE)?.value;
  if (!token || token.length > 4096) return null;
  let payload: Record<string, unknown> | null;
  try {
    payload = await decodeSessionToken(token);
  } catch {
    return null;
  }
  const claims = payload as (Partial<SessionClaims> & Record<string, unknown>) | null;
  if (judgeSession(claims, now, sessionLimits) !== "ok" || !claims) return null;
  if (cookies.get(ENDED_SESSION_COOKIE)?.value === claims.sid) return null;
  return claims as SessionClaims & Record<string, unknown>;
}

/**
 * Tokens decrypted in the last few seconds, with what they decrypted to. A member's request
 * reads its cookie twice, in proxy.ts (the idle timer) and again in the page, action or
 * route handler; decrypting (hkdf, then AES) is the costly part of both. Only a token that
 * decrypted is kept, under the whole token string and the secret: sending the same string
 * again can only give the same claims, and anything else is decrypted as before. Every
 * check on the claims (timeouts, ended sessions, and the database's in session.ts) still
 * runs on each read. On globalThis: the proxy is bundled apart from the pages.
 */
const DECODED_TTL_MS = 5_000;
const DECODED_MAX = 1_000;
/** next-auth's decode allows a token this long past its `exp` (jose's clockTolerance). */
const EXP_TOLERANCE_MS = 15_000;
type DecodedToken = { secret: string; payload: Record<string, unknown>; until: number };
const DECODED = Symbol.for("lvzhi.decodedSessionTokens");
const holder = globalThis as unknown as Record<symbol, Map<string, DecodedToken> | undefined>;

async function decodeSessionToken(token: string): Promise<Record<string, unknown> | null> {
  const secret = getAuthSecret();
  holder[DECODED] ??= new Map();
  const decoded = holder[DECODED];
  const clock = Date.now();
  const kept = decoded.get(token);
  if (kept && kept.secret === secret && clock < kept.until) return { ...kept.payload };
  if (kept) decoded.delete(token);
  const payload = await decode({ token, secret, salt: SESSION_COOKIE });
  if (!payload) return null;
  const exp = typeof payload.exp === "number" ? payload.exp * 1000 + EXP_TOLERANCE_MS : clock;
  const until = Math.min(clock + DECODED_TTL_MS, exp);
  if (until > clock) {
    // Oldest first out, and any run out meanwhile: a Map iterates in insertion order.
    for (const [key, entry] of decoded) {
      if (decoded.size < DECODED_MAX && clock < entry.until) break;
      decoded.delete(key);
    }
    decoded.set(token, { secret, payload: { ...payload }, until });
  }
  return payload;
}

/** Refreshed at most this often: the idle timeout is exact to within a minute. */
export const REFRESH_AFTER_MS = 60_000;

/**
 * What the proxy should do with the session cookie of a request: nothing, refresh it
 * (new last-activity time and expiry), or delete it (timed out, ended, unreadable). A
 * session that is kept or refreshed also says for how long nothing more is due
 * (`quietMs`: until its next refresh), which the proxy hands the browser as
 * SESSION_AWAKE_COOKIE so that Next skips the proxy until then.
 */
export async function sessionCookieUpdate(
  cookies: CookieReader,
  now = Date.now(),
): Promise<
  | { action: "keep"; quietMs: number }
  | { action: "delete" }
  | { action: "refresh"; value: string; expires: Date; quietMs: number }
> {
  if (!cookies.get(SESSION_COOKIE)) return { action: "keep", quietMs: 0 };
  const claims = await readSessionCookie(cookies, now);
  if (!claims) return { action: "delete" };
  const sinceRefresh = now - claims.lastSeen;
  if (sinceRefresh < REFRESH_AFTER_MS) {
    // Another instance's clock may be a little ahead: never quiet for more than a minute.
    return { action: "keep", quietMs: Math.min(REFRESH_AFTER_MS, REFRESH_AFTER_MS - sinceRefresh) };
  }
  return {
    action: "refresh",
    ...(await resealSession(claims, {}, now)),
    quietMs: REFRESH_AFTER_MS,
  };
}

/**
 * The session's cookie again, with a new last-activity time and `changes` (a new session
 * version, when a change of the account ended every other session but this one).
 */
export async function resealSession(
  claims: SessionClaims & Record<string, unknown>,
  changes: Partial<Pick<SessionClaims, "sv">>,
  now = Date.now(),
): Promise<{ value: string; expires: Date }> {
  const idleSeconds = Math.ceil(sessionLimits.idleMs / 1000);
  const { exp: _exp, iat: _iat, jti: _jti, ...kept } = claims;
  const value = await encode({
    token: { ...kept, ...changes, lastSeen: now },
    secret: getAuthSecret(),
    salt: SESSION_COOKIE,
    maxAge: idleSeconds,
  });
  return { value, expires: new Date(now + idleSeconds * 1000) };
}

export const sessionCookieOptions = {
  httpOnly: true,
  sameSite: "lax" as const,
  secure: secureCookies,
  path: "/",
};
