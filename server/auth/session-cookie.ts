import { decode, encode } from "next-auth/jwt";
import { judgeSession, type SessionClaims } from "@/lib/auth/policy";
import { ENDED_SESSION_COOKIE, SESSION_COOKIE, secureCookies, sessionLimits } from "./next-auth";
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
    payload = await decode({ token, secret: getAuthSecret(), salt: SESSION_COOKIE });
  } catch {
    return null;
  }
  const claims = payload as (Partial<SessionClaims> & Record<string, unknown>) | null;
  if (judgeSession(claims, now, sessionLimits) !== "ok" || !claims) return null;
  if (cookies.get(ENDED_SESSION_COOKIE)?.value === claims.sid) return null;
  return claims as SessionClaims & Record<string, unknown>;
}

/** Refreshed at most this often: the idle timeout is exact to within a minute. */
export const REFRESH_AFTER_MS = 60_000;

/**
 * What the proxy should do with the session cookie of a request: nothing, refresh it
 * (new last-activity time and expiry), or delete it (timed out, ended, unreadable).
 */
export async function sessionCookieUpdate(
  cookies: CookieReader,
  now = Date.now(),
): Promise<
  { action: "keep" } | { action: "delete" } | { action: "refresh"; value: string; expires: Date }
> {
  if (!cookies.get(SESSION_COOKIE)) return { action: "keep" };
  const claims = await readSessionCookie(cookies, now);
  if (!claims) return { action: "delete" };
  if (now - claims.lastSeen < REFRESH_AFTER_MS) return { action: "keep" };
  return { action: "refresh", ...(await resealSession(claims, {}, now)) };
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
