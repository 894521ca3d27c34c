import { type NextRequest, NextResponse } from "next/server";
import { sessionCookieOptions, sessionCookieUpdate } from "@/server/auth/session-cookie";
import { SESSION_AWAKE_COOKIE, SESSION_COOKIE } from "@/server/auth/session-settings";

/**
 * Keeps the session cookie's idle timer going on member, staff and login pages: a request
 * a person made (not a prefetch) re-issues the cookie with a new last-activity time, at
 * most once a minute; a cookie that timed out or was ended is deleted.
 *
 * Beside a session it kept or refreshed it sets SESSION_AWAKE_COOKIE until the next
 * refresh is due; while the browser sends that cookie, Next does not run this proxy at all
 * (the matcher's `missing`), since it would find nothing to do. Next's proxy machinery
 * costs a member's request 3–8 ms of CPU however little this function does
 * (docs/performance.md, "Filing notes").
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
  if (update.action !== "delete") {
    // Whole seconds, rounded down: the proxy runs again no later than the refresh is due.
    const quietSeconds = Math.floor(update.quietMs / 1000);
    if (quietSeconds > 0) {
      response.cookies.set(SESSION_AWAKE_COOKIE, "1", {
        ...sessionCookieOptions,
        maxAge: quietSeconds,
      });
    }
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
 * cost a photo request about a third of its server CPU (docs/performance.md). Not while
 * the browser sends SESSION_AWAKE_COOKIE ("lvzhi_session_awake"; a literal, as Next reads
 * the matcher when it builds): the session was read less than a minute ago and its next
 * refresh is not yet due.
 */
export const config = {
  matcher: [
    { source: "/member", missing: [{ type: "cookie", key: "lvzhi_session_awake" }] },
    {
      source: "/member/((?!photos/).*)",
      missing: [{ type: "cookie", key: "lvzhi_session_awake" }],
    },
    { source: "/admin/:path*", missing: [{ type: "cookie", key: "lvzhi_session_awake" }] },
    { source: "/login/:path*", missing: [{ type: "cookie", key: "lvzhi_session_awake" }] },
  ],
};
