import { type NextRequest, NextResponse } from "next/server";
import { sessionCookieOptions, sessionCookieUpdate } from "@/server/auth/session-cookie";
import { SESSION_COOKIE } from "@/server/auth/session-settings";

/**
 * Keeps the session cookie's idle timer going on member, staff and login pages: a request
 * a person made (not a prefetch) re-issues the cookie with a new last-activity time, at
 * most once a minute; a cookie that timed out or was ended is deleted.
 *
 * This is NOT the security boundary: every page, action and route handler checks the
 * session itself (server/auth/session.ts), against the database.
 */
export async function proxy(request: NextRequest) {
  const response = NextResponse.next();
  if (isPrefetch(request)) return response;
  const update = await sessionCookieUpdate(request.cookies);
  if (update.action === "refresh") {
    response.cookies.set(SESSION_COOKIE, update.value, {
      ...sessionCookieOptions,
      expires: update.expires,
    });
  } else if (update.action === "delete") {
    response.cookies.set(SESSION_COOKIE, "", { ...sessionCookieOptions, maxAge: 0 });
  }
  return response;
}

/** Prefetches are the browser guessing, not the person acting: they refresh nothing. */
function isPrefetch(request: NextRequest): boolean {
  const h = request.headers;
  return (
    h.has("next-router-prefetch") ||
    h.get("purpose") === "prefetch" ||
    h.get("sec-purpose")?.includes("prefetch") === true
  );
}

/**
 * Not the note photos (`/member/photos/<id>`): a photo is loaded by a page that has just
 * refreshed the cookie, and its route checks the session itself. Next's proxy machinery
 * cost a photo request about a third of its server CPU (docs/performance.md).
 */
export const config = {
  matcher: ["/member", "/member/((?!photos/).*)", "/admin/:path*", "/login/:path*"],
};
